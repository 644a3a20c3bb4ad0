package org.pressdesk.pages;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What every staff page shows about who is signed in: the name, and whether to offer
 * edits. The buttons only spare a VIEWER the trip; the filter chain refuses their posts
 * anyway. Added only when a view is rendered, so API calls (which render none) do not pay
 * for it.
 */
@Configuration(proxyBeanMethods = false)
class PageModel implements HandlerInterceptor, WebMvcConfigurer {

	private final RoleHierarchy roles;

	PageModel(RoleHierarchy roles) {
		this.roles = roles;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView view) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		// a redirect would carry model attributes into its address
		boolean page = view != null && !(view.getViewName() != null && view.getViewName().startsWith("redirect:"));
		if (!page || authentication == null) {
			return;
		}
		Set<String> reachable = roles.getReachableGrantedAuthorities(authentication.getAuthorities())
			.stream()
			.map(GrantedAuthority::getAuthority)
			.collect(Collectors.toSet());
		view.addObject("signedInAs", authentication.getName());
		view.addObject("canEdit", reachable.contains("ROLE_EDITOR"));
		view.addObject("canAdmin", reachable.contains("ROLE_ADMIN"));
	}

}

package org.pressdesk.pages;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every staff page shows about who is signed in: the name, and whether to offer edits. The
 * buttons only spare a VIEWER the trip; the filter chain refuses their posts anyway.
 */
@ControllerAdvice(annotations = Controller.class)
class PageModel {

	private final RoleHierarchy roles;

	PageModel(RoleHierarchy roles) {
		this.roles = roles;
	}

	@ModelAttribute
	void signedIn(Authentication authentication, Model model) {
		if (authentication == null) {
			return;
		}
		Set<String> reachable = roles.getReachableGrantedAuthorities(authentication.getAuthorities())
			.stream()
			.map(GrantedAuthority::getAuthority)
			.collect(Collectors.toSet());
		model.addAttribute("signedInAs", authentication.getName());
		model.addAttribute("canEdit", reachable.contains("ROLE_EDITOR"));
		model.addAttribute("canAdmin", reachable.contains("ROLE_ADMIN"));
	}

}

package org.pressdesk.security;

import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.pressdesk.system.ClientAddresses;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.session.DisableEncodeUrlFilter;

/**
 * One filter chain per kind of client, the catch-all last. Every request needs an explicit rule;
 * anything not listed is denied.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** Staff and services over REST: stateless, HTTP Basic, roles from the database. */
	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, StaffAuthenticationProvider staff, ProblemResponses problems)
			throws Exception {
		String[] directory = { "/api/v1/people/**", "/api/v1/organisations/**", "/api/v1/articles/**" };
		return http.securityMatcher("/api/**")
			.authorizeHttpRequests(requests -> requests.requestMatchers("/api/v1/users/**")
				.hasRole(Role.ADMIN.name())
				.requestMatchers(HttpMethod.GET, directory)
				.hasRole(Role.VIEWER.name())
				.requestMatchers(HttpMethod.POST, directory)
				.hasRole(Role.EDITOR.name())
				.requestMatchers(HttpMethod.PATCH, directory)
				.hasRole(Role.EDITOR.name())
				.requestMatchers(HttpMethod.PUT, directory)
				.hasRole(Role.EDITOR.name())
				.requestMatchers(HttpMethod.DELETE, directory)
				.hasRole(Role.EDITOR.name())
				.requestMatchers(HttpMethod.POST, "/api/v1/imports")
				.hasRole(Role.EDITOR.name())
				.anyRequest()
				.denyAll())
			.authenticationProvider(staff)
			.httpBasic(basic -> basic.authenticationEntryPoint(problems))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// no cookies are read on this chain, so there is nothing for a cross-site request to ride on
			.csrf(csrf -> csrf.disable())
			.build();
	}

	/**
	 * Journalists, without an account: the press pages of published articles, GET only, rate
	 * limited per client address. The pages may be framed only by the configured sites (the CMS).
	 */
	@Bean
	@Order(2)
	SecurityFilterChain publicChain(HttpSecurity http, PublicAccessSettings settings, ClientAddresses addresses,
			JsonMapper mapper) throws Exception {
		return http.securityMatcher("/press/**")
			.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, "/press/**")
				.permitAll()
				.anyRequest()
				.denyAll())
			.addFilterBefore(new PublicRateLimit(settings, addresses, mapper), DisableEncodeUrlFilter.class)
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			// GET only, and no cookies are read: nothing for a cross-site request to ride on
			.csrf(csrf -> csrf.disable())
			.headers(headers -> headers
				// the pages set their own: public, revalidated with the ETag
				.cacheControl(cache -> cache.disable())
				.frameOptions(frames -> frames.disable())
				.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; style-src 'self'; "
						+ "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors "
						+ settings.frameAncestors()))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
			.build();
	}

	/** Readable by anyone: health, the API description, and the generic error page. */
	@Bean
	@Order(3)
	SecurityFilterChain openChain(HttpSecurity http) throws Exception {
		return http
			.securityMatcher("/error", "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
					"/swagger-ui.html", "/swagger-ui/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.build();
	}

	/** Everything else needs a staff login; the browser pages and their form login come here later. */
	@Bean
	@Order(Integer.MAX_VALUE)
	SecurityFilterChain everythingElse(HttpSecurity http, StaffAuthenticationProvider staff,
			ProblemResponses problems) throws Exception {
		return http.authorizeHttpRequests(requests -> requests.anyRequest().hasRole(Role.VIEWER.name()))
			.authenticationProvider(staff)
			.httpBasic(basic -> basic.authenticationEntryPoint(problems))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.build();
	}

	@Bean
	RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix()
			.role(Role.ADMIN.name())
			.implies(Role.EDITOR.name())
			.role(Role.EDITOR.name())
			.implies(Role.VIEWER.name())
			.build();
	}

	/** Argon2id at OWASP's minimum (19 MiB, 2 iterations, 1 lane), behind a delegating encoder. */
	@Bean
	PasswordEncoder passwordEncoder() {
		Argon2PasswordEncoder argon2id = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
		return new DelegatingPasswordEncoder("argon2", Map.of("argon2", argon2id));
	}

}

package org.pressdesk.security;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pressdesk.database.DatabaseAvailability;
import org.pressdesk.web.Problems;
import org.pressdesk.web.UnavailableResponses;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * One filter chain per kind of client, the catch-all last. Every request needs an
 * explicit rule; anything not listed is denied.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * Staff and services over REST, stateless: staff with HTTP Basic (roles from the
	 * database), services with an API key as a bearer token (scopes). The rules are
	 * {@link ApiAccess#RULES}, each naming the staff role and the scopes that allow it.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, StaffAuthenticationProvider staff, ApiKeyAuthentication apiKeys,
			ProblemResponses problems, ObjectProvider<JwtDecoder> jwtDecoder, ApiSettings settings,
			SharedBuckets buckets) throws Exception {
		AuthenticationFilter keys = new AuthenticationFilter(new ProviderManager(apiKeys), apiKeys);
		keys.setSuccessHandler((request, response, authentication) -> {
			// go on to the endpoint; nothing to redirect to
		});
		keys.setFailureHandler(new AuthenticationEntryPointFailureHandler(problems));
		JwtDecoder jwt = jwtDecoder.getIfAvailable();
		if (jwt != null) {
			// services may also bring a JWT from the organisation's identity provider;
			// its scope claim grants the same SCOPE_ authorities as an API key's scopes
			DefaultBearerTokenResolver bearer = new DefaultBearerTokenResolver();
			http.oauth2ResourceServer(resource -> resource.bearerTokenResolver(request -> {
				String token = bearer.resolve(request);
				return token == null || token.startsWith(ApiKeys.PREFIX) ? null : token;
			}).jwt(decoder -> decoder.decoder(jwt)).authenticationEntryPoint(problems).accessDeniedHandler(problems));
		}
		return http.securityMatcher("/api/**").authorizeHttpRequests(requests -> {
			ApiAccess.RULES.forEach(rule -> requests.requestMatchers(rule.requests()).access(rule.access()));
			requests.anyRequest().denyAll();
		})
			.authenticationProvider(staff)
			.addFilterBefore(new CrossSiteWrites(), DisableEncodeUrlFilter.class)
			.addFilterBefore(keys, BasicAuthenticationFilter.class)
			// after authentication, so that each user and API client has its own
			// allowance
			.addFilterBefore(RateLimit.perPrincipal(buckets, "api", settings.rateLimitPerMinute()),
					AuthorizationFilter.class)
			.httpBasic(basic -> basic.authenticationEntryPoint(problems))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// no cookies are read on this chain; Basic credentials a browser keeps are
			// refused to other sites' pages by CrossSiteWrites, and browsers are not
			// asked for them
			.csrf(csrf -> csrf.disable())
			// JSON and files, never a page: nothing may run, load or frame; no-store (the
			// default) on all
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(API_CSP))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
			.build();
	}

	private static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

	/**
	 * Journalists, without an account: the press pages of published articles, GET only,
	 * rate limited per client address in front of this chain ({@link PublicFront}). The
	 * pages may be framed only by the configured sites (the CMS).
	 */
	@Bean
	@Order(2)
	SecurityFilterChain publicChain(HttpSecurity http, PublicAccessSettings settings) throws Exception {
		return http.securityMatcher("/press/**")
			.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, "/press/**")
				.permitAll()
				// HEAD answers as GET does, without the body; OPTIONS says which methods
				// there are
				.requestMatchers(HttpMethod.HEAD, "/press/**")
				.permitAll()
				.requestMatchers(HttpMethod.OPTIONS, "/press/**")
				.permitAll()
				.anyRequest()
				.denyAll())
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			// GET only, and no cookies are read: nothing for a cross-site request to ride
			// on
			.csrf(csrf -> csrf.disable())
			.headers(headers -> publicHeaders(settings).forEach(headers.defaultsDisabled()::addHeaderWriter))
			.build();
	}

	/**
	 * Spring Security's defaults but two: no Cache-Control (the pages set their own:
	 * public, revalidated with the ETag) and no X-Frame-Options (the CSP says which sites
	 * may frame them).
	 */
	private static List<HeaderWriter> publicHeaders(PublicAccessSettings settings) {
		return List.of(new XContentTypeOptionsHeaderWriter(), new XXssProtectionHeaderWriter(), new HstsHeaderWriter(),
				new ContentSecurityPolicyHeaderWriter("default-src 'none'; style-src 'self'; img-src 'self'; "
						+ "base-uri 'none'; form-action 'none'; frame-ancestors " + settings.frameAncestors()),
				new ReferrerPolicyHeaderWriter(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));
	}

	/** The public rate limit and the responses kept in memory: {@link PublicFront}. */
	@Bean
	FilterRegistrationBean<PublicFront> publicFront(PublicAccessSettings settings, SharedBuckets buckets,
			KeptPublicResponses kept) {
		PublicFront front = new PublicFront(RateLimit.perAddress(buckets, "public", settings.rateLimitPerMinute()),
				publicHeaders(settings), kept);
		FilterRegistrationBean<PublicFront> registration = new FilterRegistrationBean<>(front);
		registration.addUrlPatterns("/press/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
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

	/**
	 * Staff in a browser, and everything no other chain claims: form login at /login, a
	 * session cookie (a new id at login), CSRF protection, logout, idle and absolute
	 * timeouts; a user's sessions end when an ADMIN disables them or changes their role
	 * or password. A client that does not ask for HTML gets a 401 problem instead of a
	 * redirect to the login page.
	 */
	@Bean
	@Order(Integer.MAX_VALUE)
	SecurityFilterChain browserChain(HttpSecurity http, StaffAuthenticationProvider staff, ProblemResponses problems,
			StaffSessions sessions, SessionSettings settings,
			ObjectProvider<ClientRegistrationRepository> identityProviders, StaffOidcUserService oidcUsers,
			DatabaseAvailability database, PagesSettings pages, SharedBuckets buckets) throws Exception {
		var html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
		html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
		var loginPage = new LoginUrlAuthenticationEntryPoint("/login");
		// "Location: /login", not an address built from the request's Host header
		loginPage.setFavorRelativeUris(true);
		if (identityProviders.getIfAvailable() != null) {
			// staff may also sign in through the organisation's identity provider (OIDC)
			http.oauth2Login(oidc -> oidc.loginPage("/login")
				.userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcUsers))
				.successHandler(new LoginTimeRecorder("/"))
				.failureUrl("/login?error"));
		}
		return http.authorizeHttpRequests(requests -> requests.requestMatchers("/login", "/assets/**")
			.permitAll()
			// every form that changes something is for EDITORs; a VIEWER's post is
			// refused here
			.requestMatchers(HttpMethod.POST, "/people/**", "/articles", "/articles/**", "/organisations",
					"/organisations/**")
			.hasRole(Role.EDITOR.name())
			// and so are the pages with those forms: a VIEWER is not shown a form they
			// may not send
			.requestMatchers("/people/new", "/people/*/edit", "/people/*/delete", "/people/*/affiliations/*/edit",
					"/organisations/*/edit")
			.hasRole(Role.EDITOR.name())
			.requestMatchers("/imports", "/imports/**", "/duplicates", "/duplicates/**", "/merges/**")
			.hasRole(Role.EDITOR.name())
			.requestMatchers("/admin/**")
			.hasRole(Role.ADMIN.name())
			.anyRequest()
			.hasRole(Role.VIEWER.name()))
			.authenticationProvider(staff)
			.formLogin(form -> form.loginPage("/login")
				.successHandler(new LoginTimeRecorder("/"))
				.failureHandler((request, response, ex) -> {
					if (database.isOutage(ex)) {
						UnavailableResponses.write(request, response);
					}
					else {
						response.sendRedirect(ex instanceof LoginThrottled ? "/login?throttled" : "/login?error");
					}
				}))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId())
				.maximumSessions(-1)
				.sessionRegistry(sessions.registry())
				.expiredUrl("/login?expired"))
			.addFilterBefore(new AbsoluteSessionTimeout(settings.absoluteTimeout()), SecurityContextHolderFilter.class)
			// per user, however many sessions they open (the style sheet and scripts are
			// free)
			.addFilterBefore(
					RateLimit.perPrincipal(buckets, "pages", pages.rateLimitPerMinute())
						.except(PathPatternRequestMatcher.withDefaults().matcher("/assets/**")),
					AuthorizationFilter.class)
			.exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(loginPage, html)
				.defaultAuthenticationEntryPointFor(problems, AnyRequestMatcher.INSTANCE)
				.accessDeniedHandler(problems))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; object-src 'none'; "
						+ "base-uri 'none'; frame-ancestors 'none'; form-action 'self'"))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.build();
	}

	/**
	 * A request Spring Security's firewall refuses (an encoded slash, a semicolon in the
	 * path…) gets a problem with the same protective headers as every other answer.
	 */
	@Bean
	RequestRejectedHandler requestRejectedHandler() {
		return (request, response, ex) -> {
			response.setHeader("Cache-Control", "no-store");
			response.setHeader("X-Content-Type-Options", "nosniff");
			response.setHeader("Content-Security-Policy", API_CSP);
			response.setHeader("Referrer-Policy", "no-referrer");
			Problems.write(request, response, Problems.of(HttpStatus.BAD_REQUEST, "rejected-request",
					"The request's address is not one this service accepts."));
		};
	}

	/**
	 * No observations of the filter chains, authentications and authorizations: nothing
	 * exports them (only health is exposed), and wrapping each filter of a chain in one
	 * cost, with the request timings (application.properties), a fifth of what a search
	 * over the API allocated (SearchBenchmark, JFR).
	 */
	@Bean
	SecurityObservationSettings noSecurityObservations() {
		return SecurityObservationSettings.noObservations();
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

	/**
	 * Argon2id at OWASP's minimum (19 MiB, 2 iterations, 1 lane), behind a delegating
	 * encoder.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		Argon2PasswordEncoder argon2id = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
		return new DelegatingPasswordEncoder("argon2", Map.of("argon2", argon2id));
	}

}

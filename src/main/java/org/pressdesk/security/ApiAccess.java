package org.pressdesk.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call a part of the API: staff with a role (or any above it), or an API client
 * (or a JWT) with every one of the scopes. The first rule that matches a request decides,
 * as in the filter chain that enforces them; the API description states the same rules
 * per operation.
 *
 * @param methods the methods the rule is about; empty for all
 * @param paths path patterns ({@code /api/v1/people/**})
 * @param staff the lowest staff role allowed
 * @param scopes the scopes an API client needs, all of them; none: staff only
 */
record ApiAccess(List<HttpMethod> methods, List<String> paths, Role staff, List<ApiScope> scopes) {

	private static final List<HttpMethod> ALL = List.of();

	private static final List<HttpMethod> READS = List.of(HttpMethod.GET);

	private static final List<HttpMethod> WRITES = List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
			HttpMethod.DELETE);

	private static final List<String> DIRECTORY = List.of("/api/v1/people/**", "/api/v1/organisations/**");

	private static final List<String> ARTICLES = List.of("/api/v1/articles/**");

	private static final List<String> DUPLICATES = List.of("/api/v1/duplicates", "/api/v1/duplicates/**",
			"/api/v1/merges/**");

	/** In order: the first that matches decides; anything else is denied. */
	static final List<ApiAccess> RULES = List.of(
			new ApiAccess(ALL, List.of("/api/v1/users/**", "/api/v1/api-clients/**", "/api/v1/audit/**"), Role.ADMIN,
					List.of()),
			new ApiAccess(ALL, List.of("/api/v1/webhooks", "/api/v1/webhooks/**"), Role.ADMIN,
					List.of(ApiScope.WEBHOOKS_MANAGE)),
			new ApiAccess(READS, List.of("/api/v1/changes"), Role.VIEWER, List.of(ApiScope.CHANGES_READ)),
			// staff only: an API client has no password of its own
			new ApiAccess(ALL, List.of("/api/v1/me", "/api/v1/me/**"), Role.VIEWER, List.of()),
			new ApiAccess(READS, List.of("/api/v1/people/export"), Role.VIEWER, List.of(ApiScope.EXPORT)),
			new ApiAccess(List.of(HttpMethod.POST), List.of("/api/v1/imports"), Role.EDITOR, List.of(ApiScope.IMPORT)),
			// staff-level contact details (INTERNAL ones too) through an article, and the
			// articles (drafts too) someone is on: a service needs both scopes
			new ApiAccess(READS, List.of("/api/v1/articles/*/contacts/vcard", "/api/v1/people/*/articles"), Role.VIEWER,
					List.of(ApiScope.PEOPLE_READ, ApiScope.ARTICLES_READ)),
			new ApiAccess(READS, ARTICLES, Role.VIEWER, List.of(ApiScope.ARTICLES_READ)),
			new ApiAccess(WRITES, ARTICLES, Role.EDITOR, List.of(ApiScope.ARTICLES_WRITE)),
			new ApiAccess(READS, DUPLICATES, Role.VIEWER, List.of(ApiScope.PEOPLE_READ)),
			new ApiAccess(WRITES, DUPLICATES, Role.EDITOR, List.of(ApiScope.PEOPLE_WRITE)),
			new ApiAccess(READS, DIRECTORY, Role.VIEWER, List.of(ApiScope.PEOPLE_READ)),
			new ApiAccess(WRITES, DIRECTORY, Role.EDITOR, List.of(ApiScope.PEOPLE_WRITE)));

	/** The rule that decides about an operation of the API description, if any. */
	static Optional<ApiAccess> of(HttpMethod method, String path) {
		PathContainer container = PathContainer.parsePath(path);
		return RULES.stream()
			.filter(rule -> rule.methods.isEmpty() || rule.methods.contains(method))
			.filter(rule -> rule.paths.stream()
				.map(PathPatternParser.defaultInstance::parse)
				.anyMatch((PathPattern pattern) -> pattern.matches(container)))
			.findFirst();
	}

	RequestMatcher requests() {
		List<RequestMatcher> matchers = new ArrayList<>();
		for (String path : paths) {
			if (methods.isEmpty()) {
				matchers.add(PathPatternRequestMatcher.withDefaults().matcher(path));
			}
			for (HttpMethod method : methods) {
				matchers.add(PathPatternRequestMatcher.withDefaults().matcher(method, path));
			}
		}
		return new OrRequestMatcher(matchers);
	}

	AuthorizationManager<RequestAuthorizationContext> access() {
		AuthorizationManager<RequestAuthorizationContext> staffAllowed = AuthorityAuthorizationManager
			.hasAnyAuthority(rolesFrom(staff).stream().map(Role::authority).toArray(String[]::new));
		if (scopes.isEmpty()) {
			return staffAllowed;
		}
		return AuthorizationManagers.anyOf(staffAllowed, AuthorizationManagers.allOf(scopes.stream()
			.map(scope -> AuthorityAuthorizationManager.<RequestAuthorizationContext>hasAuthority(scope.authority()))
			.toArray(AuthorizationManager[]::new)));
	}

	/** Who may call it, in words, for the API description. */
	String inWords() {
		String roles = rolesFrom(staff).stream().map(Role::name).collect(Collectors.joining(" or "));
		String staffMay = "staff with the role " + roles;
		if (scopes.isEmpty()) {
			return staffMay + " (API clients may not)";
		}
		return staffMay + ", or an API client with the scope" + (scopes.size() > 1 ? "s " : " ")
				+ scopes.stream().map(scope -> "`" + scope.scope() + "`").collect(Collectors.joining(" and "));
	}

	/** The role and every one above it. */
	private static List<Role> rolesFrom(Role lowest) {
		return Arrays.stream(Role.values()).filter(role -> role.ordinal() >= lowest.ordinal()).toList();
	}

}

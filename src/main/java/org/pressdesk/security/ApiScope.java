package org.pressdesk.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an API client may do; each scope is granted to it as the authority
 * {@code SCOPE_<name>}.
 */
enum ApiScope {

	PEOPLE_READ("people:read"), PEOPLE_WRITE("people:write"), ARTICLES_READ("articles:read"),
	ARTICLES_WRITE("articles:write"), EXPORT("export"), IMPORT("import"), CHANGES_READ("changes:read"),
	WEBHOOKS_MANAGE("webhooks:manage");

	private final String scope;

	ApiScope(String scope) {
		this.scope = scope;
	}

	String scope() {
		return scope;
	}

	String authority() {
		return "SCOPE_" + scope;
	}

	static Optional<ApiScope> of(String scope) {
		return Arrays.stream(values()).filter(s -> s.scope.equals(scope)).findFirst();
	}

}

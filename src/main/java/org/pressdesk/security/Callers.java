package org.pressdesk.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** What the caller of a request may see, for the endpoints whose answer depends on it. */
public final class Callers {

	private Callers() {
	}

	/** Staff (every role reads people) and API clients with {@code people:read}. */
	public static boolean mayReadPeople(Authentication caller) {
		return caller != null && caller.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(authority -> authority.startsWith("ROLE_") || authority.equals(ApiScope.PEOPLE_READ.authority()));
	}

}

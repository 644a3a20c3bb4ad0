package org.pressdesk.security;

import java.security.Principal;

/** The authenticated staff user of a request. */
public record StaffPrincipal(String userId, String username, Role role) implements Principal {

	@Override
	public String getName() {
		return username;
	}

}

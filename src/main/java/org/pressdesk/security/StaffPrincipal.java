package org.pressdesk.security;

import java.io.Serializable;
import java.security.Principal;

/** The authenticated staff user of a request. */
public record StaffPrincipal(String userId, String username, Role role) implements Principal, Serializable {

	/**
	 * The staff user behind a principal of either login (password or identity provider);
	 * null for others.
	 */
	static StaffPrincipal of(Object principal) {
		if (principal instanceof StaffPrincipal staff) {
			return staff;
		}
		return principal instanceof StaffOidcUser oidc ? oidc.staff() : null;
	}

	@Override
	public String getName() {
		return username;
	}

}

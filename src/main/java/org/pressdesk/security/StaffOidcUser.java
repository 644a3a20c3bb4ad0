package org.pressdesk.security;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A staff user signed in through the identity provider: the provider's user, with the
 * role from Pressdesk.
 */
class StaffOidcUser extends DefaultOidcUser {

	private final StaffPrincipal staff;

	StaffOidcUser(OidcUser user, StaffPrincipal staff) {
		super(List.of(new SimpleGrantedAuthority(staff.role().authority())), user.getIdToken(), user.getUserInfo());
		this.staff = staff;
	}

	StaffPrincipal staff() {
		return staff;
	}

	/**
	 * The Pressdesk username, so that the audit trail and sessions name the same person
	 * either way.
	 */
	@Override
	public String getName() {
		return staff.username();
	}

}

package org.pressdesk.security;

import java.util.List;

import org.pressdesk.audit.AuditTrail;
import org.pressdesk.audit.AuditTrail.Action;
import org.pressdesk.audit.AuditTrail.Entity;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Lets in someone the identity provider vouches for only when an enabled Pressdesk user
 * has their username ({@link OidcSettings#usernameClaim()}): the provider says who they
 * are, Pressdesk what they may do. Disabling the user in Pressdesk shuts them out as it
 * does for passwords.
 */
@Component
class StaffOidcUserService extends OidcUserService {

	private final UserRepository users;

	private final OidcSettings settings;

	private final AuditTrail audit;

	StaffOidcUserService(UserRepository users, OidcSettings settings, AuditTrail audit) {
		this.users = users;
		this.settings = settings;
		this.audit = audit;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		OidcUser user = super.loadUser(request);
		String username = user.getClaimAsString(settings.usernameClaim());
		StaffUser staff = username == null ? null
				: users.findByUsername(username).filter(StaffUser::enabled).orElse(null);
		if (staff == null) {
			audit.record(username == null ? "oidc:" + user.getSubject() : username, Action.LOGIN_FAILED, Entity.USER,
					null, List.of(), "identity provider login without an enabled Pressdesk user");
			throw new OAuth2AuthenticationException(new OAuth2Error("access_denied",
					"No enabled Pressdesk user has this username; ask an administrator.", null));
		}
		audit.record(staff.username(), Action.LOGIN_SUCCEEDED, Entity.USER, staff.id(), List.of(), "identity provider");
		return new StaffOidcUser(user, new StaffPrincipal(staff.id(), staff.username(), staff.role()));
	}

}

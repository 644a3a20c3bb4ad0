package org.pressdesk.security;

import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.stereotype.Component;

/**
 * The browser sessions of staff users, so that disabling a user, changing their role or
 * their password ends the sessions they have open (HTTP Basic rechecks the user on every
 * request anyway).
 */
@Component
class StaffSessions {

	private final SessionRegistry registry = new SessionRegistryImpl();

	SessionRegistry registry() {
		return registry;
	}

	void endAllOf(String username) {
		registry.getAllPrincipals()
			.stream()
			.filter(principal -> StaffPrincipal.of(principal) != null
					&& StaffPrincipal.of(principal).username().equals(username))
			.flatMap(principal -> registry.getAllSessions(principal, false).stream())
			.forEach(session -> session.expireNow());
	}

}

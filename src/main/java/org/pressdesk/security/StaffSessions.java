package org.pressdesk.security;

import java.time.Duration;

import org.pressdesk.system.Leases;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.stereotype.Component;

/**
 * The browser sessions of staff users, kept in the database (Spring Session JDBC) so that
 * every instance serves every session; disabling a user, changing their role or their
 * password ends the sessions they have open (HTTP Basic rechecks the user on every
 * request anyway). Expired sessions are deleted by one instance a minute.
 */
@Component
class StaffSessions {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final Leases leases;

	StaffSessions(FindByIndexNameSessionRepository<? extends Session> sessions, Leases leases) {
		this.sessions = sessions;
		this.leases = leases;
	}

	SessionRegistry registry() {
		return registryOf(sessions);
	}

	void endAllOf(String username) {
		sessions.findByPrincipalName(username).keySet().forEach(sessions::deleteById);
	}

	/** Spring Session's own clean-up is turned off: it would run on every instance. */
	@Scheduled(initialDelay = 30_000, fixedDelay = 60_000)
	void deleteExpired() {
		if (sessions instanceof JdbcIndexedSessionRepository jdbc) {
			leases.runOnce("delete-expired-sessions", Duration.ofMinutes(1), jdbc::cleanUpExpiredSessions);
		}
	}

	private static <S extends Session> SessionRegistry registryOf(FindByIndexNameSessionRepository<S> sessions) {
		return new SpringSessionBackedSessionRegistry<>(sessions);
	}

}

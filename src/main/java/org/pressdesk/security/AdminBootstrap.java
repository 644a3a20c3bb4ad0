package org.pressdesk.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.pressdesk.system.Ids;
import org.pressdesk.system.PressdeskSettings;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * On a directory without users, creates {@code admin} (role ADMIN) with the password from
 * {@code PRESSDESK_ADMIN_PASSWORD}, or a random one shown once in the log, in the banner
 * that says the service is ready.
 */
@Component
@Order(1)
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final UserRepository users;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy passwordPolicy;

	private final PressdeskSettings settings;

	private final Clock clock;

	/** A password made up by this start, until it has been shown. */
	private volatile String generatedPassword;

	AdminBootstrap(UserRepository users, PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy,
			PressdeskSettings settings, Clock clock) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.passwordPolicy = passwordPolicy;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (users.any()) {
			return;
		}
		String configured = settings.adminPassword();
		String password = configured == null || configured.isEmpty() ? randomPassword() : configured;
		passwordPolicy.check("PRESSDESK_ADMIN_PASSWORD", password, "admin");
		try {
			users.insert(Ids.newId(), "admin", passwordEncoder.encode(password), Role.ADMIN, Instant.now(clock));
		}
		catch (DuplicateKeyException ex) {
			// another instance on the same database created it first
			return;
		}
		if (configured == null || configured.isEmpty()) {
			generatedPassword = password;
		}
		else {
			log.info("Created the user 'admin' with the password from PRESSDESK_ADMIN_PASSWORD");
		}
	}

	/**
	 * The last line of the start, and the one a newcomer needs: where to go and, on the
	 * first start, the password to sign in with.
	 */
	@EventListener
	void ready(ApplicationReadyEvent event) {
		String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080");
		String address = "http://localhost:" + port + "/";
		if (generatedPassword == null) {
			log.info("Pressdesk is ready at {}", address);
			return;
		}
		log.warn("""

				================================================================================
				  Pressdesk is ready at {}
				  Sign in as admin with the password  {}
				  (shown only this once; set PRESSDESK_ADMIN_PASSWORD to choose it)
				================================================================================""", address,
				generatedPassword);
		generatedPassword = null;
	}

	private static String randomPassword() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}

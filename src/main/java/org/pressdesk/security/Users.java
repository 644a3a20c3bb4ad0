package org.pressdesk.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.pressdesk.audit.AuditTrail;
import org.pressdesk.audit.AuditTrail.Action;
import org.pressdesk.system.Conflict;
import org.pressdesk.system.FieldChecks;
import org.pressdesk.system.Ids;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating staff accounts, with the password rules applied and only the hash stored. */
@Service
class Users {

	private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._@-]{2,100}");

	private final UserRepository users;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy passwordPolicy;

	private final AuditTrail audit;

	private final Clock clock;

	Users(UserRepository users, PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy, AuditTrail audit,
			Clock clock) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.passwordPolicy = passwordPolicy;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	StaffUser create(NewUser request) {
		FieldChecks checks = new FieldChecks();
		if (request.username() == null || !USERNAME.matcher(request.username()).matches()) {
			checks.add("username", "must be 2 to 100 letters, digits or . _ @ -");
		}
		checks.check(() -> {
			passwordPolicy.check("password", request.password());
			return null;
		});
		if (request.role() == null) {
			checks.add("role", "must be one of VIEWER, EDITOR, ADMIN");
		}
		checks.throwIfAny();
		if (users.findByUsername(request.username()).isPresent()) {
			throw new Conflict("A user with this username exists already.");
		}
		String id = Ids.newId();
		users.insert(id, request.username(), passwordEncoder.encode(request.password()), request.role(),
				Instant.now(clock));
		audit.record(Action.CREATED, "user", id, List.of(), "role " + request.role());
		return users.findByUsername(request.username()).orElseThrow();
	}

	record NewUser(String username, String password, Role role) {
	}

}

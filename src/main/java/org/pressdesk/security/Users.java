package org.pressdesk.security;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.pressdesk.audit.AuditTrail;
import org.pressdesk.audit.AuditTrail.Action;
import org.pressdesk.audit.AuditTrail.Entity;
import org.pressdesk.system.Conflict;
import org.pressdesk.system.FieldChecks;
import org.pressdesk.system.Ids;
import org.pressdesk.system.InvalidInput;
import org.pressdesk.system.NotFound;
import org.pressdesk.web.ETags;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts: created and changed by ADMINs, passwords by their owners; only hashes
 * are stored.
 */
@Service
class Users {

	private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._@-]{2,100}");

	private final UserRepository users;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy passwordPolicy;

	private final AuditTrail audit;

	private final StaffSessions sessions;

	private final Clock clock;

	Users(UserRepository users, PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy, AuditTrail audit,
			StaffSessions sessions, Clock clock) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.passwordPolicy = passwordPolicy;
		this.audit = audit;
		this.sessions = sessions;
		this.clock = clock;
	}

	@Transactional
	StaffUser create(NewUser request) {
		FieldChecks checks = new FieldChecks();
		if (request.username() == null || !USERNAME.matcher(request.username()).matches()) {
			checks.add("username", "must be 2 to 100 letters, digits or . _ @ -");
		}
		checks.check(() -> {
			passwordPolicy.check("password", request.password(), request.username());
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
		audit.record(Action.CREATED, Entity.USER, id, List.of(), "role " + request.role());
		return users.findByUsername(request.username()).orElseThrow();
	}

	record NewUser(String username, String password, Role role) {
	}

	/** What an ADMIN may change about a user; absent fields stay as they are. */
	record UserChange(Role role, Boolean enabled, String password) {
	}

	/**
	 * Changes a user's role, enables or disables them, or sets a new password. Their
	 * browser sessions end. The last enabled ADMIN cannot be demoted or disabled: nobody
	 * could manage users any more.
	 */
	@Transactional
	StaffUser change(String id, UserChange change, String ifMatch) {
		if (change == null) {
			throw new InvalidInput("", "a JSON object is required");
		}
		int enabledAdmins = users.lockEnabledAdmins();
		StaffUser user = users.lock(id).orElseThrow(() -> new NotFound("user", id));
		ETags.requireMatch(ifMatch, user.version());
		if (change.password() != null) {
			passwordPolicy.check("password", change.password(), user.username());
		}
		Role role = change.role() == null ? user.role() : change.role();
		boolean enabled = change.enabled() == null ? user.enabled() : change.enabled();
		boolean wasActiveAdmin = user.role() == Role.ADMIN && user.enabled();
		if (wasActiveAdmin && (role != Role.ADMIN || !enabled) && enabledAdmins <= 1) {
			throw new Conflict("This is the last enabled ADMIN; make someone else ADMIN first.");
		}
		String hash = change.password() == null ? user.passwordHash() : passwordEncoder.encode(change.password());
		users.update(id, role, enabled, hash, Instant.now(clock));
		List<String> changed = new ArrayList<>();
		if (role != user.role()) {
			changed.add("role");
		}
		if (enabled != user.enabled()) {
			changed.add("enabled");
		}
		if (change.password() != null) {
			changed.add("password");
		}
		audit.record(Action.UPDATED, Entity.USER, id, changed, null);
		sessions.endAllOf(user.username());
		return users.findById(id).orElseThrow();
	}

	/** A user's own new password, after proving they know the current one. */
	@Transactional
	void changeOwnPassword(String userId, String currentPassword, String newPassword) {
		StaffUser user = users.lock(userId).orElseThrow(() -> new NotFound("user", userId));
		if (currentPassword == null || !passwordEncoder.matches(currentPassword, user.passwordHash())) {
			throw new InvalidInput("currentPassword", "is not your current password");
		}
		passwordPolicy.check("newPassword", newPassword, user.username());
		if (newPassword.equals(currentPassword)) {
			throw new InvalidInput("newPassword", "must differ from the current one");
		}
		users.update(userId, user.role(), user.enabled(), passwordEncoder.encode(newPassword), Instant.now(clock));
		audit.record(Action.UPDATED, Entity.USER, userId, List.of("password"), "own password");
		sessions.endAllOf(user.username());
	}

}

package org.pressdesk.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.pressdesk.audit.AuditTrail;
import org.pressdesk.audit.AuditTrail.Action;
import org.pressdesk.audit.AuditTrail.Entity;
import org.pressdesk.text.Folding;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Checks a staff user's name and password against the database.
 * <p>
 * HTTP Basic sends the password with every request, and an Argon2id check costs tens of
 * milliseconds by design. So after a successful check we remember, for a few minutes and
 * in memory only, a keyed hash (HMAC with a per-process random key) of the password
 * together with the stored hash it matched. A later request with the same password skips
 * Argon2 as long as the stored hash is unchanged: changing the password, or disabling the
 * user, takes effect at once on this instance and within a second on others: the user is
 * read again when {@link RecentlyReadAccounts} no longer keeps them.
 */
@Component
class StaffAuthenticationProvider implements AuthenticationProvider {

	private static final Duration REMEMBER_FOR = Duration.ofMinutes(5);

	private final UserRepository users;

	private final RecentlyReadAccounts recentlyRead;

	private final PasswordEncoder passwordEncoder;

	private final AuditTrail audit;

	private final LoginThrottle throttle;

	private final Clock clock;

	private final byte[] hmacKey = new byte[32];

	private final Map<String, Verified> verified = new ConcurrentHashMap<>();

	/** Locks for checking passwords, one of them per account and address. */
	private final Object[] checking = java.util.stream.Stream.generate(Object::new).limit(64).toArray();

	/**
	 * A hash to check against when the user does not exist, so that the answer takes as
	 * long.
	 */
	private final String unknownUserHash;

	private record Verified(String storedHash, byte[] passwordMac, Instant until) {
	}

	StaffAuthenticationProvider(UserRepository users, RecentlyReadAccounts recentlyRead,
			PasswordEncoder passwordEncoder, AuditTrail audit, LoginThrottle throttle, Clock clock) {
		this.users = users;
		this.recentlyRead = recentlyRead;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
		this.throttle = throttle;
		this.clock = clock;
		new SecureRandom().nextBytes(hmacKey);
		this.unknownUserHash = passwordEncoder.encode("not a password of anyone " + new SecureRandom().nextLong());
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName();
		String password = String.valueOf(authentication.getCredentials());
		String address = clientAddress();
		StaffUser user = recentlyRead.get("user:" + username, () -> users.findByUsername(username)).orElse(null);
		if (user != null && remembered(user, password)) {
			// the password was checked a moment ago: nothing to throttle
			return authenticated(user, false);
		}
		// the account as the lookup found it, however the name was typed; an unknown name
		// as the lookup would have matched it
		String account = user != null ? user.id() : "unknown:" + Folding.fold(username).strip();
		// one check at a time per account and address: a burst of guesses is counted one
		// by
		// one, and a burst of requests with the right password (a client's first,
		// parallel
		// calls) is checked once, the others finding it remembered
		synchronized (checking[Math.floorMod((account + address).hashCode(), checking.length)]) {
			if (user != null && remembered(user, password)) {
				return authenticated(user, false);
			}
			return checkAfresh(user, username, password, account, address);
		}
	}

	private Authentication checkAfresh(StaffUser user, String username, String password, String account,
			String address) {
		LoginThrottle.Attempt attempt = throttle.begin(account, user != null, address);
		if (attempt.refused()) {
			if (attempt.firstRefusal()) {
				audit.record(username, Action.LOGIN_FAILED, Entity.USER, user == null ? null : user.id(), List.of(),
						"throttled");
			}
			throw new LoginThrottled(attempt.retryAfter().get());
		}
		if (user == null) {
			passwordEncoder.matches(password, unknownUserHash);
			audit.record(username, Action.LOGIN_FAILED, Entity.USER, null, List.of(), "no such user");
			throw new BadCredentialsException("Bad credentials");
		}
		if (!passwordEncoder.matches(password, user.passwordHash())) {
			audit.record(username, Action.LOGIN_FAILED, Entity.USER, user.id(), List.of(), "wrong password");
			throw new BadCredentialsException("Bad credentials");
		}
		throttle.succeeded(account, address);
		verified.put(user.username(),
				new Verified(user.passwordHash(), mac(password), Instant.now(clock).plus(REMEMBER_FOR)));
		return authenticated(user, true);
	}

	/**
	 * A login is a password checked afresh; HTTP Basic's repetitions within the
	 * remembered minutes are the same login continuing, and are not audited again.
	 */
	private Authentication authenticated(StaffUser user, boolean checkedAfresh) {
		if (!user.enabled()) {
			audit.record(user.username(), Action.LOGIN_FAILED, Entity.USER, user.id(), List.of(), "user disabled");
			throw new DisabledException("User is disabled");
		}
		if (checkedAfresh) {
			audit.record(user.username(), Action.LOGIN_SUCCEEDED, Entity.USER, user.id(), List.of(), null);
		}
		StaffPrincipal principal = new StaffPrincipal(user.id(), user.username(), user.role());
		return UsernamePasswordAuthenticationToken.authenticated(principal, null,
				List.of(new SimpleGrantedAuthority(user.role().authority())));
	}

	private String clientAddress() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
				? request.getRequest().getRemoteAddr() : "";
	}

	/** Whether this password matched the user's stored hash a few minutes ago. */
	private boolean remembered(StaffUser user, String password) {
		Verified known = verified.get(user.username());
		return known != null && known.until().isAfter(Instant.now(clock))
				&& known.storedHash().equals(user.passwordHash())
				&& MessageDigest.isEqual(known.passwordMac(), mac(password));
	}

	private byte[] mac(String password) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(hmacKey, "HmacSHA256"));
			return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}

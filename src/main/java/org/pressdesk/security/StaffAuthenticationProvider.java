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
import org.pressdesk.system.ClientAddresses;

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
 * milliseconds by design. So after a successful check we remember, for a few minutes and in
 * memory only, a keyed hash (HMAC with a per-process random key) of the password together with
 * the stored hash it matched. A later request with the same password skips Argon2 as long as the
 * stored hash is unchanged: changing the password, or disabling the user, takes effect at once.
 */
@Component
class StaffAuthenticationProvider implements AuthenticationProvider {

	private static final Duration REMEMBER_FOR = Duration.ofMinutes(5);

	private final UserRepository users;

	private final PasswordEncoder passwordEncoder;

	private final AuditTrail audit;

	private final LoginThrottle throttle;

	private final ClientAddresses addresses;

	private final Clock clock;

	private final byte[] hmacKey = new byte[32];

	private final Map<String, Verified> verified = new ConcurrentHashMap<>();

	/** A hash to check against when the user does not exist, so that the answer takes as long. */
	private final String unknownUserHash;

	private record Verified(String storedHash, byte[] passwordMac, Instant until) {
	}

	StaffAuthenticationProvider(UserRepository users, PasswordEncoder passwordEncoder, AuditTrail audit,
			LoginThrottle throttle, ClientAddresses addresses, Clock clock) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
		this.throttle = throttle;
		this.addresses = addresses;
		this.clock = clock;
		new SecureRandom().nextBytes(hmacKey);
		this.unknownUserHash = passwordEncoder.encode("not a password of anyone " + new SecureRandom().nextLong());
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName();
		String password = String.valueOf(authentication.getCredentials());
		String address = clientAddress();
		var wait = throttle.waitFor(username, address);
		if (wait.isPresent()) {
			audit.record(username, Action.LOGIN_FAILED, "user", null, List.of(), "throttled");
			throw new LoginThrottled(wait.get());
		}
		StaffUser user = users.findByUsername(username).orElse(null);
		if (user == null) {
			passwordEncoder.matches(password, unknownUserHash);
			throttle.failed(username, address);
			audit.record(username, Action.LOGIN_FAILED, "user", null, List.of(), "no such user");
			throw new BadCredentialsException("Bad credentials");
		}
		Verification verification = passwordMatches(user, password);
		if (verification == Verification.WRONG) {
			throttle.failed(username, address);
			audit.record(username, Action.LOGIN_FAILED, "user", user.id(), List.of(), "wrong password");
			throw new BadCredentialsException("Bad credentials");
		}
		throttle.succeeded(username, address);
		if (!user.enabled()) {
			audit.record(username, Action.LOGIN_FAILED, "user", user.id(), List.of(), "user disabled");
			throw new DisabledException("User is disabled");
		}
		// a login is a password checked afresh; HTTP Basic's repetitions within the remembered
		// minutes are the same login continuing
		if (verification == Verification.CHECKED) {
			audit.record(username, Action.LOGIN_SUCCEEDED, "user", user.id(), List.of(), null);
		}
		StaffPrincipal principal = new StaffPrincipal(user.id(), user.username(), user.role());
		return UsernamePasswordAuthenticationToken.authenticated(principal, null,
				List.of(new SimpleGrantedAuthority(user.role().authority())));
	}

	private String clientAddress() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
				? addresses.of(request.getRequest()) : "";
	}

	private enum Verification {
		REMEMBERED, CHECKED, WRONG
	}

	private Verification passwordMatches(StaffUser user, String password) {
		byte[] mac = mac(password);
		Instant now = Instant.now(clock);
		Verified known = verified.get(user.username());
		if (known != null && known.until().isAfter(now) && known.storedHash().equals(user.passwordHash())
				&& MessageDigest.isEqual(known.passwordMac(), mac)) {
			return Verification.REMEMBERED;
		}
		if (passwordEncoder.matches(password, user.passwordHash())) {
			verified.put(user.username(), new Verified(user.passwordHash(), mac, now.plus(REMEMBER_FOR)));
			return Verification.CHECKED;
		}
		return Verification.WRONG;
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

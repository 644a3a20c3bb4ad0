package org.pressdesk.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;

import org.pressdesk.audit.AuditTrail;
import org.pressdesk.audit.AuditTrail.Action;
import org.pressdesk.audit.AuditTrail.Entity;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.stereotype.Component;

/**
 * API keys in {@code Authorization: Bearer pd_…}: read from the header only (never from a
 * URL), checked against the key as the database had it a second ago at most
 * ({@link RecentlyReadAccounts}): a key revoked or replaced through this instance stops
 * working at once, through another within the second, an expired one at once. The
 * client's scopes become its authorities.
 */
@Component
class ApiKeyAuthentication implements AuthenticationConverter, AuthenticationProvider {

	/**
	 * How often the last-used time of a client is written: enough for an ADMIN to see
	 * which keys live.
	 */
	private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

	private final ApiClientRepository clients;

	private final RecentlyReadAccounts recentlyRead;

	private final AuditTrail audit;

	private final Clock clock;

	private final Map<String, Instant> lastUsedWritten = new ConcurrentHashMap<>();

	private final LoginThrottle throttle;

	ApiKeyAuthentication(ApiClientRepository clients, RecentlyReadAccounts recentlyRead, AuditTrail audit, Clock clock,
			LoginThrottle throttle) {
		this.clients = clients;
		this.recentlyRead = recentlyRead;
		this.audit = audit;
		this.clock = clock;
		this.throttle = throttle;
	}

	/** An API client, once its key is checked. */
	record ApiClientPrincipal(String id, String name) {

		@Override
		public String toString() {
			return "api-client:" + name;
		}

	}

	static final class Token extends AbstractAuthenticationToken {

		private final String key;

		/**
		 * Where a presented key came from: refused keys are throttled like failed logins.
		 */
		private final String address;

		private final ApiClientPrincipal client;

		private Token(String key, String address) {
			super(List.of());
			this.key = key;
			this.address = address;
			this.client = null;
		}

		private Token(ApiClientPrincipal client, List<SimpleGrantedAuthority> authorities) {
			super(authorities);
			this.key = null;
			this.address = null;
			this.client = client;
			setAuthenticated(true);
		}

		@Override
		public Object getCredentials() {
			return key;
		}

		@Override
		public Object getPrincipal() {
			return client;
		}

		@Override
		public String getName() {
			return client == null ? "" : client.toString();
		}

	}

	@Override
	public Authentication convert(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return null;
		}
		String key = header.substring(7).strip();
		return key.startsWith(ApiKeys.PREFIX) ? new Token(key, request.getRemoteAddr()) : null;
	}

	/**
	 * A valid key goes ahead. A refused one (unknown, revoked, expired) counts as a
	 * failed login from its address: past the address's limit it is answered 429 without
	 * being looked at or audited again, so that nobody can fill the audit trail with
	 * made-up keys.
	 */
	@Override
	public Authentication authenticate(Authentication authentication) {
		Token token = (Token) authentication;
		Instant now = Instant.now(clock);
		var presented = ApiKeys.parse(token.key);
		var found = presented.flatMap(p -> recentlyRead.get("key:" + p.keyId(), () -> clients.findKey(p.keyId()))
			.filter(stored -> ApiKeys.matches(p.secret(), stored.secretHash())));
		var valid = found.filter(stored -> stored.revokedAt() == null
				&& (stored.expiresAt() == null || stored.expiresAt().isAfter(now)));
		if (valid.isPresent()) {
			return authenticated(valid.get(), now);
		}
		// the audit names a key by its public prefix only
		String keyName = presented.map(p -> ApiKeys.PREFIX + p.keyId()).orElse("a malformed API key");
		LoginThrottle.Attempt attempt = throttle.begin("api-key:" + keyName, false, token.address);
		if (attempt.refused()) {
			if (attempt.firstRefusal()) {
				audit.record(keyName, Action.LOGIN_FAILED, Entity.API_CLIENT, null, List.of(), "throttled");
			}
			throw new LoginThrottled(attempt.retryAfter().get());
		}
		String reason = found.isEmpty() ? "unknown API key"
				: found.get().revokedAt() != null ? "revoked API key" : "expired API key";
		audit.record(keyName, Action.LOGIN_FAILED, Entity.API_CLIENT,
				found.map(ApiClientRepository.StoredKey::clientId).orElse(null), List.of(), reason);
		throw new BadCredentialsException("The API key is not valid.");
	}

	private Authentication authenticated(ApiClientRepository.StoredKey stored, Instant now) {
		Instant written = lastUsedWritten.get(stored.clientId());
		if (written == null || written.plus(LAST_USED_PRECISION).isBefore(now)) {
			clients.markUsed(stored.clientId(), now);
			lastUsedWritten.put(stored.clientId(), now);
		}
		return new Token(new ApiClientPrincipal(stored.clientId(), stored.name()),
				stored.scopes()
					.stream()
					.flatMap(scope -> ApiScope.of(scope).stream())
					.map(scope -> new SimpleGrantedAuthority(scope.authority()))
					.toList());
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return Token.class.isAssignableFrom(authentication);
	}

}

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

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.stereotype.Component;

/**
 * API keys in {@code Authorization: Bearer pd_…}: read from the header only (never from a URL),
 * checked against the database on every request, so that a revoked or expired key stops working
 * at once. The client's scopes become its authorities.
 */
@Component
class ApiKeyAuthentication implements AuthenticationConverter, AuthenticationProvider {

	/** How often the last-used time of a client is written: enough for an ADMIN to see which keys live. */
	private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

	private final ApiClientRepository clients;

	private final AuditTrail audit;

	private final Clock clock;

	private final Map<String, Instant> lastUsedWritten = new ConcurrentHashMap<>();

	ApiKeyAuthentication(ApiClientRepository clients, AuditTrail audit, Clock clock) {
		this.clients = clients;
		this.audit = audit;
		this.clock = clock;
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

		private final ApiClientPrincipal client;

		private Token(String key) {
			super(List.of());
			this.key = key;
			this.client = null;
		}

		private Token(ApiClientPrincipal client, List<SimpleGrantedAuthority> authorities) {
			super(authorities);
			this.key = null;
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
		return key.startsWith(ApiKeys.PREFIX) ? new Token(key) : null;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String key = (String) authentication.getCredentials();
		Instant now = Instant.now(clock);
		var presented = ApiKeys.parse(key);
		var found = presented.flatMap(p -> clients.findKey(p.keyId())
			.filter(stored -> ApiKeys.matches(p.secret(), stored.secretHash())));
		// the audit names a key by its public prefix only
		String keyName = presented.map(p -> ApiKeys.PREFIX + p.keyId()).orElse("a malformed API key");
		if (found.isEmpty()) {
			audit.record(keyName, Action.LOGIN_FAILED, "api-client", null, List.of(), "unknown API key");
			throw new BadCredentialsException("The API key is not valid.");
		}
		ApiClientRepository.StoredKey stored = found.get();
		boolean expired = stored.expiresAt() != null && !stored.expiresAt().isAfter(now);
		if (stored.revokedAt() != null || expired) {
			audit.record(keyName, Action.LOGIN_FAILED, "api-client", stored.clientId(), List.of(),
					expired ? "expired API key" : "revoked API key");
			throw new BadCredentialsException("The API key is not valid.");
		}
		return authenticated(stored, now);
	}

	private Authentication authenticated(ApiClientRepository.StoredKey stored, Instant now) {
		Instant written = lastUsedWritten.get(stored.clientId());
		if (written == null || written.plus(LAST_USED_PRECISION).isBefore(now)) {
			clients.markUsed(stored.clientId(), now);
			lastUsedWritten.put(stored.clientId(), now);
		}
		return new Token(new ApiClientPrincipal(stored.clientId(), stored.name()), stored.scopes()
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

package org.pressdesk.security;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A service with an API key, as ADMINs see it. {@code key} is present only in the answer
 * that issues it (create, rotate): it is stored as a hash and can never be shown again.
 */
public record ApiClient(String id, String name, List<String> scopes, String keyPrefix, Instant createdAt,
		Instant expiresAt, Instant revokedAt, Instant lastUsedAt, Instant keyIssuedAt, int version,
		@JsonInclude(JsonInclude.Include.NON_NULL) String key) {

	ApiClient withKey(String key) {
		return new ApiClient(id, name, scopes, keyPrefix, createdAt, expiresAt, revokedAt, lastUsedAt, keyIssuedAt,
				version, key);
	}

}

package org.pressdesk.security;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.NonNull;

/**
 * A service with an API key, as ADMINs see it. {@code key} is present only in the answer
 * that issues it (create, rotate): it is stored as a hash and can never be shown again.
 */
public record ApiClient(@NonNull String id, @NonNull String name, List<String> scopes, @NonNull String keyPrefix,
		@NonNull Instant createdAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt,
		@NonNull Instant keyIssuedAt, int version, @JsonInclude(JsonInclude.Include.NON_NULL) String key) {

	ApiClient withKey(String key) {
		return new ApiClient(id, name, scopes, keyPrefix, createdAt, expiresAt, revokedAt, lastUsedAt, keyIssuedAt,
				version, key);
	}

}

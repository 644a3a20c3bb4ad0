package org.pressdesk.security;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.NonNull;

/** A staff account; the password hash never leaves the service. */
public record StaffUser(@NonNull String id, @NonNull String username, @JsonIgnore String passwordHash,
		@NonNull Role role, boolean enabled, @NonNull Instant createdAt, @NonNull Instant updatedAt, int version) {
}

package org.pressdesk.security;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A staff account; the password hash never leaves the service. */
public record StaffUser(String id, String username, @JsonIgnore String passwordHash, Role role, boolean enabled,
		Instant createdAt, Instant updatedAt, int version) {
}

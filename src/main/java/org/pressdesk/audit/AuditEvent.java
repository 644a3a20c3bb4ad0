package org.pressdesk.audit;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.NonNull;

/** One entry of the audit trail. */
public record AuditEvent(@NonNull String id, @NonNull Instant at, @NonNull String actor, @NonNull String action,
		String entityType, String entityId, List<String> changedFields, String detail, String clientAddress) {
}

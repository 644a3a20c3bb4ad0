package org.pressdesk.audit;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.NonNull;
import tools.jackson.databind.JsonNode;

/**
 * One entry of the audit trail.
 *
 * @param states for a merge and its undo only: the records as they were before it
 * ({@code kept}, {@code merged}), as the API showed them
 */
public record AuditEvent(@NonNull String id, @NonNull Instant at, @NonNull String actor, @NonNull String action,
		String entityType, String entityId, List<String> changedFields, String detail, String clientAddress,
		JsonNode states) {

	public AuditEvent(String id, Instant at, String actor, String action, String entityType, String entityId,
			List<String> changedFields, String detail, String clientAddress) {
		this(id, at, actor, action, entityType, entityId, changedFields, detail, clientAddress, null);
	}

}

package org.pressdesk.audit;

import java.time.Instant;
import java.util.List;

/** One entry of the audit trail. */
public record AuditEvent(String id, Instant at, String actor, String action, String entityType, String entityId,
		List<String> changedFields, String detail, String clientAddress) {
}

package org.pressdesk.audit;

import java.time.Instant;

/** Filters of {@code GET /audit}; null ones are ignored. */
record AuditQuery(String entityType, String entityId, String actor, String action, Instant since, Instant until) {
}

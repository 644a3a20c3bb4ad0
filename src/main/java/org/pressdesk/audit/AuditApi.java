package org.pressdesk.audit;

import java.time.Instant;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.pressdesk.web.Cursor;
import org.pressdesk.web.Page;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail, for ADMINs: read only; there is no endpoint that changes or deletes an
 * entry.
 */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit")
class AuditApi {

	private final AuditRepository events;

	AuditApi(AuditRepository events) {
		this.events = events;
	}

	/**
	 * List the audit trail, newest first.
	 * @param entityType only entries about this kind of thing
	 * @param entityId only entries about this one
	 * @param actor only entries of this staff user or API client
	 * @param action only entries of this action
	 * @param since only entries at or after this instant
	 * @param until only entries before this instant
	 */
	@GetMapping
	Page<AuditEvent> listAuditEvents(@RequestParam(name = "entity", required = false) String entityType,
			@RequestParam(required = false) String entityId, @RequestParam(required = false) String actor,
			@RequestParam(required = false) AuditTrail.Action action, @RequestParam(required = false) Instant since,
			@RequestParam(required = false) Instant until, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		return events.list(
				new AuditQuery(entityType, entityId, actor, action == null ? null : action.name(), since, until),
				Cursor.decode(cursor), Cursor.limit(limit));
	}

}

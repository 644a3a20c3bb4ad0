package org.pressdesk.audit;

import static org.pressdesk.db.Tables.AUDIT_EVENT;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import tools.jackson.databind.json.JsonMapper;

import org.pressdesk.db.tables.records.AuditEventRecord;
import org.pressdesk.system.MultiRowInserts;
import org.pressdesk.web.Cursor;
import org.pressdesk.web.Page;

import org.springframework.stereotype.Repository;

/** Inserts and reads audit events; nothing here updates or deletes one. */
@Repository
class AuditRepository {

	private final DSLContext db;

	private final JsonMapper mapper;

	AuditRepository(DSLContext db, JsonMapper mapper) {
		this.db = db;
		this.mapper = mapper;
	}

	void insert(AuditEvent event) {
		AuditEventRecord columns = columnsOf(event);
		if (event.states() != null) {
			columns.setStates(mapper.writeValueAsString(event.states()));
		}
		db.insertInto(AUDIT_EVENT).set(columns).execute();
	}

	void insertAll(List<AuditEvent> events) {
		MultiRowInserts.insert(db, AUDIT_EVENT, events.stream().map(AuditRepository::columnsOf).toList());
	}

	private static AuditEventRecord columnsOf(AuditEvent event) {
		return new AuditEventRecord(event.id(), event.at(), event.actor(), event.action(), event.entityType(),
				event.entityId(), event.changedFields().isEmpty() ? null : String.join(",", event.changedFields()),
				event.detail(), event.clientAddress(), null);
	}

	/** Newest first. */
	Page<AuditEvent> list(AuditQuery query, Cursor after, int limit) {
		Condition condition = DSL.noCondition();
		if (query.entityType() != null) {
			condition = condition.and(AUDIT_EVENT.ENTITY_TYPE.eq(query.entityType()));
		}
		if (query.entityId() != null) {
			condition = condition.and(AUDIT_EVENT.ENTITY_ID.eq(query.entityId()));
		}
		if (query.actor() != null) {
			condition = condition.and(AUDIT_EVENT.ACTOR.eq(query.actor()));
		}
		if (query.action() != null) {
			condition = condition.and(AUDIT_EVENT.ACTION.eq(query.action()));
		}
		if (query.since() != null) {
			condition = condition.and(AUDIT_EVENT.AT.ge(query.since()));
		}
		if (query.until() != null) {
			condition = condition.and(AUDIT_EVENT.AT.lt(query.until()));
		}
		if (after != null) {
			Instant at = after.sortKeyAsInstant();
			condition = condition.and(AUDIT_EVENT.AT.le(at))
				.and(AUDIT_EVENT.AT.lt(at).or(AUDIT_EVENT.ID.lt(after.id())));
		}
		List<AuditEvent> events = db.selectFrom(AUDIT_EVENT)
			.where(condition)
			.orderBy(AUDIT_EVENT.AT.desc(), AUDIT_EVENT.ID.desc())
			.limit(limit + 1)
			.fetch(this::toEvent);
		return Page.of(events, limit, last -> new Cursor(last.at().toString(), last.id()));
	}

	private AuditEvent toEvent(Record r) {
		String fields = r.get(AUDIT_EVENT.CHANGED_FIELDS);
		String states = r.get(AUDIT_EVENT.STATES);
		return new AuditEvent(r.get(AUDIT_EVENT.ID), r.get(AUDIT_EVENT.AT), r.get(AUDIT_EVENT.ACTOR),
				r.get(AUDIT_EVENT.ACTION), r.get(AUDIT_EVENT.ENTITY_TYPE), r.get(AUDIT_EVENT.ENTITY_ID),
				fields == null ? List.of() : Arrays.asList(fields.split(",")), r.get(AUDIT_EVENT.DETAIL),
				r.get(AUDIT_EVENT.CLIENT_ADDRESS), states == null ? null : mapper.readTree(states));
	}

}

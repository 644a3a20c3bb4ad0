package org.pressdesk.webhook;

import static org.pressdesk.db.Tables.WEBHOOK_DELIVERY;
import static org.pressdesk.db.Tables.WEBHOOK_ENDPOINT;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

import org.pressdesk.db.tables.records.WebhookDeliveryRecord;
import org.pressdesk.db.tables.records.WebhookEndpointRecord;
import org.pressdesk.system.MultiRowInserts;

import org.springframework.stereotype.Repository;

/** Webhook endpoints and their deliveries. */
@Repository
class WebhookRepository {

	private final DSLContext db;

	WebhookRepository(DSLContext db) {
		this.db = db;
	}

	/** An endpoint as stored, its secrets sealed. */
	record StoredEndpoint(WebhookEndpoint endpoint, String secret, String previousSecret) {
	}

	void insertEndpoint(WebhookEndpointRecord row) {
		db.insertInto(WEBHOOK_ENDPOINT).set(row).execute();
	}

	void updateEndpoint(String id, WebhookEndpointRecord changes) {
		db.update(WEBHOOK_ENDPOINT)
			.set(changes)
			.set(WEBHOOK_ENDPOINT.VERSION, WEBHOOK_ENDPOINT.VERSION.plus(1))
			.where(WEBHOOK_ENDPOINT.ID.eq(id))
			.execute();
	}

	boolean deleteEndpoint(String id) {
		return db.deleteFrom(WEBHOOK_ENDPOINT).where(WEBHOOK_ENDPOINT.ID.eq(id)).execute() == 1;
	}

	Optional<StoredEndpoint> find(String id) {
		return db.selectFrom(WEBHOOK_ENDPOINT)
			.where(WEBHOOK_ENDPOINT.ID.eq(id))
			.fetchOptional(WebhookRepository::storedOf);
	}

	/** These endpoints, by id (those deleted meanwhile are not there). */
	Map<String, StoredEndpoint> findAll(Collection<String> ids) {
		return db.selectFrom(WEBHOOK_ENDPOINT)
			.where(WEBHOOK_ENDPOINT.ID.in(ids))
			.fetchMap(WEBHOOK_ENDPOINT.ID, WebhookRepository::storedOf);
	}

	/** The endpoint, its row locked until the transaction ends. */
	Optional<StoredEndpoint> lock(String id) {
		return db.selectFrom(WEBHOOK_ENDPOINT)
			.where(WEBHOOK_ENDPOINT.ID.eq(id))
			.forUpdate()
			.fetchOptional(WebhookRepository::storedOf);
	}

	List<StoredEndpoint> all() {
		return db.selectFrom(WEBHOOK_ENDPOINT)
			.orderBy(WEBHOOK_ENDPOINT.CREATED_AT, WEBHOOK_ENDPOINT.ID)
			.fetch(WebhookRepository::storedOf);
	}

	List<StoredEndpoint> enabled() {
		return db.selectFrom(WEBHOOK_ENDPOINT)
			.where(WEBHOOK_ENDPOINT.ENABLED.isTrue())
			.fetch(WebhookRepository::storedOf);
	}

	void insertDeliveries(List<WebhookDeliveryRecord> rows) {
		MultiRowInserts.insert(db, WEBHOOK_DELIVERY, rows);
	}

	/** The newest deliveries of an endpoint. */
	List<WebhookDelivery> deliveries(String endpointId, int limit) {
		return db.selectFrom(WEBHOOK_DELIVERY)
			.where(WEBHOOK_DELIVERY.ENDPOINT_ID.eq(endpointId))
			.orderBy(WEBHOOK_DELIVERY.CREATED_AT.desc(), WEBHOOK_DELIVERY.ID.desc())
			.limit(limit)
			.fetch(WebhookRepository::deliveryOf);
	}

	Optional<WebhookDeliveryRecord> delivery(String endpointId, String id) {
		return db.selectFrom(WEBHOOK_DELIVERY)
			.where(WEBHOOK_DELIVERY.ID.eq(id))
			.and(WEBHOOK_DELIVERY.ENDPOINT_ID.eq(endpointId))
			.fetchOptional();
	}

	void retry(String id, Instant now) {
		db.update(WEBHOOK_DELIVERY)
			.set(WEBHOOK_DELIVERY.STATUS, "PENDING")
			.set(WEBHOOK_DELIVERY.NEXT_ATTEMPT_AT, now)
			.set(WEBHOOK_DELIVERY.ATTEMPTS, 0)
			.setNull(WEBHOOK_DELIVERY.CLAIMED_UNTIL)
			.where(WEBHOOK_DELIVERY.ID.eq(id))
			.execute();
	}

	/**
	 * The ids of deliveries due now whose earlier deliveries of the same subject to the
	 * same endpoint are done: read without locks, then claimed by {@link #claim}.
	 */
	List<String> due(Instant now, int limit) {
		var earlier = WEBHOOK_DELIVERY.as("earlier");
		return db.select(WEBHOOK_DELIVERY.ID)
			.from(WEBHOOK_DELIVERY)
			.join(WEBHOOK_ENDPOINT)
			.on(WEBHOOK_ENDPOINT.ID.eq(WEBHOOK_DELIVERY.ENDPOINT_ID))
			.where(WEBHOOK_DELIVERY.STATUS.eq("PENDING"))
			.and(WEBHOOK_DELIVERY.NEXT_ATTEMPT_AT.le(now))
			.and(WEBHOOK_DELIVERY.CLAIMED_UNTIL.isNull().or(WEBHOOK_DELIVERY.CLAIMED_UNTIL.lt(now)))
			.and(WEBHOOK_ENDPOINT.ENABLED.isTrue())
			.andNotExists(DSL.selectOne()
				.from(earlier)
				.where(earlier.ENDPOINT_ID.eq(WEBHOOK_DELIVERY.ENDPOINT_ID))
				.and(earlier.ORDERING_KEY.eq(WEBHOOK_DELIVERY.ORDERING_KEY))
				.and(earlier.STATUS.eq("PENDING"))
				.and(earlier.SEQUENCE.lt(WEBHOOK_DELIVERY.SEQUENCE)))
			.orderBy(WEBHOOK_DELIVERY.NEXT_ATTEMPT_AT, WEBHOOK_DELIVERY.SEQUENCE)
			.limit(limit)
			.fetch(WEBHOOK_DELIVERY.ID);
	}

	/**
	 * Claims those of the deliveries no other instance holds, until {@code until}: the
	 * rows another has locked are skipped, and so are those claimed meanwhile.
	 */
	List<WebhookDeliveryRecord> claim(Collection<String> ids, Instant now, Instant until) {
		List<WebhookDeliveryRecord> claimed = db.selectFrom(WEBHOOK_DELIVERY)
			.where(WEBHOOK_DELIVERY.ID.in(ids))
			.and(WEBHOOK_DELIVERY.STATUS.eq("PENDING"))
			.and(WEBHOOK_DELIVERY.CLAIMED_UNTIL.isNull().or(WEBHOOK_DELIVERY.CLAIMED_UNTIL.lt(now)))
			.forUpdate()
			.skipLocked()
			.fetch();
		if (!claimed.isEmpty()) {
			db.update(WEBHOOK_DELIVERY)
				.set(WEBHOOK_DELIVERY.CLAIMED_UNTIL, until)
				.set(WEBHOOK_DELIVERY.ATTEMPTS, WEBHOOK_DELIVERY.ATTEMPTS.plus(1))
				.where(WEBHOOK_DELIVERY.ID.in(claimed.stream().map(WebhookDeliveryRecord::getId).toList()))
				.execute();
		}
		return claimed;
	}

	/** What an attempt came to. */
	void attempted(String id, String status, Instant at, Integer httpStatus, String error, Instant next) {
		db.update(WEBHOOK_DELIVERY)
			.set(WEBHOOK_DELIVERY.STATUS, status)
			.set(WEBHOOK_DELIVERY.LAST_ATTEMPT_AT, at)
			.set(WEBHOOK_DELIVERY.LAST_STATUS, httpStatus)
			.set(WEBHOOK_DELIVERY.LAST_ERROR, error == null || error.length() <= 500 ? error : error.substring(0, 500))
			.set(WEBHOOK_DELIVERY.NEXT_ATTEMPT_AT, next == null ? at : next)
			.setNull(WEBHOOK_DELIVERY.CLAIMED_UNTIL)
			.where(WEBHOOK_DELIVERY.ID.eq(id))
			.execute();
	}

	/** Deletes finished deliveries made before {@code before}, a slice at a time. */
	void forgetFinished(Instant before) {
		while (db.deleteFrom(WEBHOOK_DELIVERY)
			.where(WEBHOOK_DELIVERY.STATUS.ne("PENDING"))
			.and(WEBHOOK_DELIVERY.CREATED_AT.lt(before))
			.limit(10_000)
			.execute() == 10_000) {
			// the next slice
		}
	}

	void disable(String endpointId, String reason, Instant now) {
		db.update(WEBHOOK_ENDPOINT)
			.set(WEBHOOK_ENDPOINT.ENABLED, false)
			.set(WEBHOOK_ENDPOINT.DISABLED_REASON, reason)
			.set(WEBHOOK_ENDPOINT.UPDATED_AT, now)
			.set(WEBHOOK_ENDPOINT.VERSION, WEBHOOK_ENDPOINT.VERSION.plus(1))
			.where(WEBHOOK_ENDPOINT.ID.eq(endpointId))
			.execute();
	}

	private static StoredEndpoint storedOf(WebhookEndpointRecord row) {
		return new StoredEndpoint(
				new WebhookEndpoint(row.getId(), row.getUrl(), Arrays.asList(row.getEvents().split("\n")),
						row.getDescription(), row.getEnabled(), row.getDisabledReason(), row.getPreviousSecretUntil(),
						row.getCreatedAt(), row.getUpdatedAt(), row.getVersion()),
				row.getSecret(), row.getPreviousSecret());
	}

	static WebhookDelivery deliveryOf(Record r) {
		String status = r.get(WEBHOOK_DELIVERY.STATUS);
		return new WebhookDelivery(r.get(WEBHOOK_DELIVERY.ID), r.get(WEBHOOK_DELIVERY.MESSAGE_ID),
				r.get(WEBHOOK_DELIVERY.EVENT_TYPE), status, r.get(WEBHOOK_DELIVERY.ATTEMPTS),
				status.equals("PENDING") ? r.get(WEBHOOK_DELIVERY.NEXT_ATTEMPT_AT) : null,
				r.get(WEBHOOK_DELIVERY.LAST_ATTEMPT_AT), r.get(WEBHOOK_DELIVERY.LAST_STATUS),
				r.get(WEBHOOK_DELIVERY.LAST_ERROR), r.get(WEBHOOK_DELIVERY.CREATED_AT));
	}

}

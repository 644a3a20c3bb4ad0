package org.pressdesk.changes;

import static org.pressdesk.db.Tables.CHANGE_LOG;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jooq.DSLContext;
import org.jooq.Records;
import org.jooq.impl.DSL;
import tools.jackson.databind.json.JsonMapper;

import org.pressdesk.db.tables.records.ChangeLogRecord;
import org.pressdesk.system.Leases;
import org.pressdesk.system.MultiRowInserts;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes the change log in the transaction of each change, and reads it for followers:
 * each follower holds a {@link Reader}, its own position in the log.
 */
@Repository
public class ChangeLog {

	/** Rows older than this are deleted: a follower that far behind rebuilds instead. */
	static final Duration RETENTION = Duration.ofDays(30);

	private final DSLContext db;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	private final Clock clock;

	private final Leases leases;

	private final ChangeEvents sequencer;

	ChangeLog(DSLContext db, ApplicationEventPublisher events, JsonMapper json, Clock clock, Leases leases,
			ChangeEvents sequencer) {
		this.leases = leases;
		this.sequencer = sequencer;
		this.db = db;
		this.events = events;
		this.json = json;
		this.clock = clock;
	}

	public void record(Subject subject, String id, ChangeKind kind) {
		recordAll(subject, List.of(id), kind);
	}

	/**
	 * Records a change whose event says more than the subject's id ({@code data}: ids,
	 * slugs, references; never personal data).
	 */
	public void record(Subject subject, String id, ChangeKind kind, Map<String, String> data) {
		recordAll(subject, List.of(id), kind, json.writeValueAsString(data));
	}

	/**
	 * Records the same change of many subjects (an import's new people) in a few rows'
	 * statements.
	 */
	public void recordAll(Subject subject, Collection<String> ids, ChangeKind kind) {
		recordAll(subject, ids, kind, null);
	}

	private void recordAll(Subject subject, Collection<String> ids, ChangeKind kind, String data) {
		if (ids.isEmpty()) {
			return;
		}
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			// outside the change's transaction, a rollback would leave the row behind
			throw new IllegalStateException("a change is logged in the transaction that makes it");
		}
		Instant now = Instant.now(clock);
		List<ChangeLogRecord> rows = new ArrayList<>(ids.size());
		for (String id : ids) {
			ChangeLogRecord row = new ChangeLogRecord();
			row.setSubject(subject);
			row.setSubjectId(id);
			row.setKind(kind);
			row.setChangedAt(now);
			row.setData(data);
			rows.add(row);
		}
		MultiRowInserts.insert(db, CHANGE_LOG, rows);
		// once per transaction, however many changes it records: its followers catch up
		// once after the commit (a transaction of its own inside it has its own mark)
		if (TransactionSynchronizationManager.getSynchronizations().stream().noneMatch(Announced.class::isInstance)) {
			TransactionSynchronizationManager.registerSynchronization(new Announced());
			events.publishEvent(new ChangesRecorded());
		}
	}

	/**
	 * A new follower's position: after every change put in commit order so far. A change
	 * committed before but ordered after (and one committed while the follower is being
	 * set up: a search index being built from the database) is read, perhaps once more
	 * than needed; applying a change twice must therefore do no harm.
	 */
	public Reader reader() {
		sequencer.sequenceNow();
		Long last = db.select(DSL.max(CHANGE_LOG.SEQUENCE)).from(CHANGE_LOG).fetchOne(0, Long.class);
		return new Reader(last == null ? 0 : last);
	}

	/**
	 * Deletes what is older than the retention, a slice at a time, on every instance
	 * alike.
	 */
	@Scheduled(initialDelay = 60_000, fixedDelay = 3_600_000)
	void forgetOldChanges() {
		leases.runOnce("forget-old-changes", Duration.ofHours(1), () -> {
			Instant before = Instant.now(clock).minus(RETENTION);
			while (db.deleteFrom(CHANGE_LOG)
				.where(CHANGE_LOG.CHANGED_AT.lt(before))
				.limit(10_000)
				.execute() == 10_000) {
				// the next slice
			}
		});
	}

	/** Marks a transaction whose {@link ChangesRecorded} has been published. */
	private static final class Announced implements TransactionSynchronization {

	}

	/**
	 * A follower's position in the log: the sequence of the last change it read. Changes
	 * are read in commit order (their sequence, {@link ChangeEvents}), so one committed
	 * after another is never below it. Not for use by several threads at once.
	 */
	public final class Reader {

		/** The changes {@link #readAll} hands on at a time. */
		static final int BATCH = 1000;

		private long last;

		private Reader(long last) {
			this.last = last;
		}

		/**
		 * Up to {@code limit} changes not read before, in commit order. This instance's
		 * commits are in order before its followers hear of them
		 * ({@link ChangeEvents#afterCommit}); other instances' within a quarter of a
		 * second.
		 */
		public List<Change> next(int limit) {
			List<Change> changes = db
				.select(CHANGE_LOG.SEQUENCE, CHANGE_LOG.SUBJECT, CHANGE_LOG.SUBJECT_ID, CHANGE_LOG.KIND)
				.from(CHANGE_LOG)
				.where(CHANGE_LOG.SEQUENCE.gt(last))
				.orderBy(CHANGE_LOG.SEQUENCE)
				.limit(limit)
				.fetch(Records.mapping(Change::new));
			if (!changes.isEmpty()) {
				last = changes.get(changes.size() - 1).sequence();
			}
			return changes;
		}

		/**
		 * Hands every change not read yet to {@code apply}, {@value #BATCH} at a time, in
		 * commit order. A batch it could not apply (the database went away half-way) is
		 * read again next time, and the failure goes on to the caller: a follower loses
		 * nothing.
		 */
		public void readAll(Consumer<List<Change>> apply) {
			List<Change> changes;
			do {
				long before = last;
				changes = next(BATCH);
				try {
					apply.accept(changes);
				}
				catch (RuntimeException ex) {
					last = before;
					throw ex;
				}
			}
			while (changes.size() == BATCH);
		}

	}

}

package org.pressdesk.changes;

import static org.pressdesk.db.Tables.CHANGE_LOG;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Records;
import tools.jackson.databind.json.JsonMapper;

import org.pressdesk.db.tables.records.ChangeLogRecord;
import org.pressdesk.system.Leases;
import org.pressdesk.system.MultiRowInserts;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes the change log in the transaction of each change, and reads it for followers:
 * each follower holds a {@link Reader}, its own position in the log.
 */
@Repository
public class ChangeLog {

	/**
	 * How long a transaction may take between writing its row and committing: a follower
	 * waits this long for a position it has not seen below one it has (a transaction
	 * still running, or one rolled back, whose position never fills).
	 */
	static final Duration LONGEST_TRANSACTION = Duration.ofMinutes(2);

	/** Rows older than this are deleted: a follower that far behind rebuilds instead. */
	static final Duration RETENTION = Duration.ofDays(30);

	private final DSLContext db;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	private final Clock clock;

	private final Leases leases;

	ChangeLog(DSLContext db, ApplicationEventPublisher events, JsonMapper json, Clock clock, Leases leases) {
		this.leases = leases;
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
		events.publishEvent(new ChangesRecorded());
	}

	/**
	 * A new follower's position: it will read again the changes of the last
	 * {@link #LONGEST_TRANSACTION}, so that none committed while it was being set up (a
	 * search index being built from the database) is missed. Applying a change twice must
	 * therefore do no harm.
	 */
	public Reader reader() {
		Instant settled = Instant.now(clock).minus(LONGEST_TRANSACTION);
		Long position = db.select(CHANGE_LOG.POSITION)
			.from(CHANGE_LOG)
			.where(CHANGE_LOG.CHANGED_AT.lt(settled))
			.orderBy(CHANGE_LOG.CHANGED_AT.desc())
			.limit(1)
			.fetchOne(CHANGE_LOG.POSITION);
		return new Reader(position == null ? 0 : position);
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

	/** A reader's position, to go back to; opaque to followers. */
	public record Mark(long highest, List<Gap> gaps) {
	}

	/** Positions skipped over, waited for since {@code noticed}. */
	record Gap(long from, long to, Instant noticed) {

		boolean holds(long position) {
			return from <= position && position <= to;
		}

	}

	/**
	 * A follower's position in the log. Positions are handed out when a row is written,
	 * not when it is committed, so a row may appear below one already read: each position
	 * skipped over stays open (a gap) and is asked for again until it appears or
	 * {@link #LONGEST_TRANSACTION} has passed (its transaction rolled back). Not for use
	 * by several threads at once.
	 */
	public final class Reader {

		private long highest;

		private final List<Gap> gaps = new ArrayList<>();

		private Reader(long highest) {
			this.highest = highest;
		}

		/** Up to {@code limit} changes not read before, in order of position. */
		public List<Change> next(int limit) {
			Instant now = Instant.now(clock);
			gaps.removeIf(gap -> gap.noticed().isBefore(now.minus(LONGEST_TRANSACTION)));
			Condition unread = CHANGE_LOG.POSITION.gt(highest);
			for (Gap gap : gaps) {
				unread = unread.or(CHANGE_LOG.POSITION.between(gap.from(), gap.to()));
			}
			List<Change> changes = db
				.select(CHANGE_LOG.POSITION, CHANGE_LOG.SUBJECT, CHANGE_LOG.SUBJECT_ID, CHANGE_LOG.KIND)
				.from(CHANGE_LOG)
				.where(unread)
				.orderBy(CHANGE_LOG.POSITION)
				.limit(limit)
				.fetch(Records.mapping(Change::new));
			for (Change change : changes) {
				long position = change.position();
				if (position > highest) {
					if (position > highest + 1) {
						gaps.add(new Gap(highest + 1, position - 1, now));
					}
					highest = position;
				}
				else {
					fill(position);
				}
			}
			return changes;
		}

		private void fill(long position) {
			for (int i = 0; i < gaps.size(); i++) {
				Gap gap = gaps.get(i);
				if (gap.holds(position)) {
					gaps.remove(i);
					if (position < gap.to()) {
						gaps.add(i, new Gap(position + 1, gap.to(), gap.noticed()));
					}
					if (gap.from() < position) {
						gaps.add(i, new Gap(gap.from(), position - 1, gap.noticed()));
					}
					return;
				}
			}
		}

		/** Where the reader is: what it has read, and the gaps it waits for. */
		public Mark mark() {
			return new Mark(highest, List.copyOf(gaps));
		}

		/**
		 * Goes back to a mark, so that what was read since is read again: a follower that
		 * could not apply what it read (the database went away half-way) loses nothing.
		 */
		public void rewind(Mark mark) {
			highest = mark.highest();
			gaps.clear();
			gaps.addAll(mark.gaps());
		}

	}

}

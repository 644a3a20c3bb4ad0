package org.pressdesk.changes;

import static org.pressdesk.db.Tables.CHANGE_LOG;
import static org.pressdesk.db.Tables.CHANGE_SEQUENCE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.pressdesk.system.Background;
import org.pressdesk.system.InvalidInput;
import org.pressdesk.web.Page;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The change log as events in commit order. A row's position is handed out when it is
 * written, not when it commits; so a sequencer gives committed rows their sequence, in
 * one transaction at a time on any instance (it locks the {@code change_sequence} row),
 * skipping rows whose transaction is still open (they are locked). A reader that goes by
 * sequence therefore never meets a row that commits below one it has read: the feed and
 * the webhooks miss nothing and see nothing twice.
 */
@Service
public class ChangeEvents {

	private static final Logger log = LoggerFactory.getLogger(ChangeEvents.class);

	private static final TypeReference<Map<String, String>> DATA = new TypeReference<>() {
	};

	/**
	 * The most rows one run of the sequencer takes: a big import's are taken in turns.
	 */
	private static final int BATCH = 1_000;

	private final DSLContext db;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	/** One run at a time, on a thread of its own. */
	private final Background runs = new Background("change-sequencer", this::sequenceNow);

	ChangeEvents(DSLContext db, PlatformTransactionManager transactions, ApplicationEventPublisher events,
			JsonMapper json) {
		this.db = db;
		// without gap locks: writers insert rows without a sequence while it runs
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
		// never part of a caller's transaction (a read-only one, or one that may roll
		// back)
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.events = events;
		this.json = json;
	}

	/**
	 * The events after {@code after} (a previous answer's {@code next}; without it, the
	 * oldest kept), in commit order. {@code next} is never null: poll again with it.
	 */
	public Page<ChangeEvent> page(String after, Integer limit) {
		long from = 0;
		if (after != null) {
			try {
				from = Long.parseLong(after);
			}
			catch (NumberFormatException ex) {
				throw new InvalidInput("after", "is not a cursor this feed gave");
			}
		}
		int size = limit == null ? 100 : Math.max(1, Math.min(1000, limit));
		List<ChangeEvent> items = db.selectFrom(CHANGE_LOG)
			.where(CHANGE_LOG.SEQUENCE.gt(from))
			.orderBy(CHANGE_LOG.SEQUENCE)
			.limit(size)
			.fetch(this::eventOf);
		long last = items.isEmpty() ? from : items.get(items.size() - 1).sequence();
		return new Page<>(items, Long.toString(last));
	}

	/**
	 * Right after a commit of this instance that wrote to the change log, on the writer's
	 * thread and before this instance's followers read the log (they listen with a lower
	 * precedence): they find the change in order at once, and nobody sequences it again.
	 */
	@Order(Ordered.HIGHEST_PRECEDENCE)
	@TransactionalEventListener(fallbackExecution = true)
	void afterCommit(ChangesRecorded recorded) {
		sequenceNow();
	}

	/**
	 * The other instances' commits, and what an interrupted run left: on a thread of its
	 * own.
	 */
	@Scheduled(initialDelay = 1_000, fixedDelay = 250)
	void wake() {
		runs.wake();
	}

	@PreDestroy
	void stop() {
		runs.stop();
	}

	/**
	 * Gives the committed rows without a sequence theirs, in order of position, and hands
	 * them on ({@link ChangesSequenced}) in the same transaction: on the caller's thread,
	 * in a transaction of its own.
	 */
	void sequenceNow() {
		try {
			int done;
			do {
				done = transaction.execute(status -> sequenceBatch());
			}
			while (done == BATCH);
		}
		catch (RuntimeException ex) {
			// the rows stay without a sequence; the next run takes them
			log.warn("Change events could not be put in order now; they will be shortly: {}", ex.toString());
		}
	}

	private int sequenceBatch() {
		long last = db.select(CHANGE_SEQUENCE.LAST)
			.from(CHANGE_SEQUENCE)
			.where(CHANGE_SEQUENCE.ID.eq(1))
			.forUpdate()
			.fetchSingle(CHANGE_SEQUENCE.LAST);
		// rows of open transactions are locked by them: skipped, they get a later
		// sequence
		List<Record> rows = db.select(CHANGE_LOG.fields())
			.from(CHANGE_LOG)
			.where(CHANGE_LOG.SEQUENCE.isNull())
			.orderBy(CHANGE_LOG.POSITION)
			.limit(BATCH)
			.forUpdate()
			.skipLocked()
			.fetch();
		if (rows.isEmpty()) {
			return 0;
		}
		Map<Long, Long> sequences = new LinkedHashMap<>();
		for (Record row : rows) {
			sequences.put(row.get(CHANGE_LOG.POSITION), last + sequences.size() + 1);
		}
		db.update(CHANGE_LOG)
			.set(CHANGE_LOG.SEQUENCE, DSL.case_(CHANGE_LOG.POSITION).mapValues(sequences))
			.where(CHANGE_LOG.POSITION.in(sequences.keySet()))
			.execute();
		db.update(CHANGE_SEQUENCE)
			.set(CHANGE_SEQUENCE.LAST, last + rows.size())
			.where(CHANGE_SEQUENCE.ID.eq(1))
			.execute();
		List<ChangeEvent> sequenced = new ArrayList<>();
		for (Record row : rows) {
			row.set(CHANGE_LOG.SEQUENCE, sequences.get(row.get(CHANGE_LOG.POSITION)));
			sequenced.add(eventOf(row));
		}
		events.publishEvent(new ChangesSequenced(sequenced));
		return rows.size();
	}

	private ChangeEvent eventOf(Record row) {
		Map<String, String> data = new LinkedHashMap<>();
		Subject subject = row.get(CHANGE_LOG.SUBJECT);
		if (subject != Subject.PRESS_BLOCK) {
			data.put("id", row.get(CHANGE_LOG.SUBJECT_ID));
		}
		String more = row.get(CHANGE_LOG.DATA);
		if (more != null) {
			data.putAll(json.readValue(more, DATA));
		}
		return new ChangeEvent(ChangeEvent.ID_PREFIX + row.get(CHANGE_LOG.SEQUENCE),
				ChangeEvent.typeOf(subject, row.get(CHANGE_LOG.KIND)), row.get(CHANGE_LOG.CHANGED_AT), data);
	}

}

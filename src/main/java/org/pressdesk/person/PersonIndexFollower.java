package org.pressdesk.person;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.pressdesk.changes.Change;
import org.pressdesk.changes.ChangeLog;
import org.pressdesk.changes.ChangesRecorded;
import org.pressdesk.organisation.OrganisationRepository;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Builds this instance's {@link PersonIndex} from the database at start and keeps it
 * current by following the change log: at once after this instance's own commits (a
 * search right after a write finds it), and every {@value #FOLLOW_EVERY_MS} ms for the
 * changes other instances make. A changed person is read again and replaced whole, so
 * applying a change twice does no harm; a changed organisation re-reads everyone
 * affiliated with it or with an organisation below it (their chains changed). At the turn
 * of a day, people whose affiliation ended yesterday move from current to past.
 */
@Component
class PersonIndexFollower {

	private static final Logger log = LoggerFactory.getLogger(PersonIndexFollower.class);

	static final long FOLLOW_EVERY_MS = 250;

	/** People read and indexed per statement round, at start and after bulk changes. */
	private static final int BATCH = 1000;

	private final PersonIndex index;

	private final ChangeLog changeLog;

	private final PersonRepository people;

	private final OrganisationRepository organisations;

	private final Clock clock;

	/** One thread at a time reads the log and writes the index. */
	private final ReentrantLock lock = new ReentrantLock();

	private ChangeLog.Reader reader;

	private LocalDate indexedOn;

	private boolean failing;

	PersonIndexFollower(PersonIndex index, ChangeLog changeLog, PersonRepository people,
			OrganisationRepository organisations, Clock clock) {
		this.index = index;
		this.changeLog = changeLog;
		this.people = people;
		this.organisations = organisations;
		this.clock = clock;
	}

	/** The first run builds the index; each later one applies what others changed. */
	@Scheduled(fixedDelay = FOLLOW_EVERY_MS)
	void follow() {
		lock.lock();
		try {
			if (reader == null) {
				build();
			}
			else {
				catchUp();
			}
			if (failing) {
				log.info("The search index follows the change log again");
				failing = false;
			}
		}
		catch (RuntimeException ex) {
			if (index.isBroken()) {
				if (!failing) {
					log.error("The search index failed for good; restart the service to rebuild it", ex);
					failing = true;
				}
				return;
			}
			// the database away: the next run tries again
			if (!failing) {
				log.warn("The search index could not follow the change log; it will try again: {}", ex.toString());
				failing = true;
			}
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * After a commit of this instance that wrote to the change log: the writer's next
	 * search sees its change. Until the index is built, the build will include it.
	 */
	@TransactionalEventListener(fallbackExecution = true)
	void afterCommit(ChangesRecorded recorded) {
		if (!index.isBuilt()) {
			return;
		}
		lock.lock();
		try {
			catchUp();
		}
		catch (RuntimeException ex) {
			// the change is committed; the scheduled run will apply it
			log.warn("The search index could not apply a change at once; it will shortly: {}", ex.toString());
		}
		finally {
			lock.unlock();
		}
	}

	private void build() {
		long started = System.nanoTime();
		// the position first: whatever commits while everyone is being read is applied
		// after
		ChangeLog.Reader from = changeLog.reader();
		LocalDate today = LocalDate.now(clock);
		var chains = organisations.chainsFromTopOfAll();
		index.clear();
		int count = 0;
		String after = null;
		List<Person> batch;
		do {
			batch = people.batchAfter(after, BATCH);
			index.put(batch, chains, today);
			count += batch.size();
			after = batch.isEmpty() ? after : batch.get(batch.size() - 1).id();
		}
		while (batch.size() == BATCH);
		reader = from;
		indexedOn = today;
		catchUp();
		index.markBuilt(count, (System.nanoTime() - started) / 1_000_000);
		var status = index.status();
		log.info("Search index built: {} people in {} ms, {} MB", status.people(), status.buildMillis(),
				status.bytes() / (1024 * 1024));
	}

	private void catchUp() {
		// a batch not applied (a failed read of people) is read again next time
		reader.readAll(this::apply);
		LocalDate today = LocalDate.now(clock);
		if (today.isAfter(indexedOn)) {
			reindex(people.idsWithAffiliationEnding(indexedOn, today));
			indexedOn = today;
		}
		// also when nothing changed here: searches then see what Lucene's merge threads
		// finished (a reopen costs nothing when there is nothing new)
		index.refresh();
	}

	/**
	 * Applies changes: people read again, or removed; an organisation's people read
	 * again.
	 */
	private void apply(List<Change> changes) {
		Set<String> personIds = new LinkedHashSet<>();
		Set<String> organisationIds = new HashSet<>();
		for (Change change : changes) {
			switch (change.subject()) {
				case PERSON -> personIds.add(change.subjectId());
				case ORGANISATION -> organisationIds.add(change.subjectId());
				default -> {
					// articles and their public blocks are not in the index
				}
			}
		}
		if (!organisationIds.isEmpty()) {
			personIds.addAll(people.idsAffiliatedWithAny(organisations.subtreeIds(organisationIds)));
		}
		reindex(personIds);
	}

	/** Reads these people again and replaces their documents; removes those gone. */
	private void reindex(Collection<String> ids) {
		List<String> all = new ArrayList<>(ids);
		LocalDate today = LocalDate.now(clock);
		for (int from = 0; from < all.size(); from += BATCH) {
			List<String> slice = all.subList(from, Math.min(all.size(), from + BATCH));
			List<Person> found = people.batchOf(slice);
			Set<String> organisationIds = new HashSet<>();
			found.forEach(person -> person.affiliations().forEach(a -> organisationIds.add(a.organisationId())));
			index.put(found, organisations.chainsFromTop(organisationIds), today);
			Set<String> gone = new HashSet<>(slice);
			found.forEach(person -> gone.remove(person.id()));
			index.remove(gone);
		}
	}

}

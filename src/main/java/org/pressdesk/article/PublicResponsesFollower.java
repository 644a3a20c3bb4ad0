package org.pressdesk.article;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.pressdesk.changes.Change;
import org.pressdesk.changes.ChangeLog;
import org.pressdesk.changes.ChangesRecorded;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps {@link PublicResponses} true to the database by following the change log: right
 * after each commit of this instance (before the writer gets its answer, so the instance
 * that made a change never serves what it replaced), and every {@value #FOLLOW_EVERY_MS}
 * ms for what other instances commit. Any change to an article or to a person drops the
 * responses rendered from them, whether or not the public sees it: a few renderings too
 * many, never one too few.
 */
@Component
class PublicResponsesFollower {

	private static final Logger log = LoggerFactory.getLogger(PublicResponsesFollower.class);

	static final long FOLLOW_EVERY_MS = 250;

	private final PublicResponses responses;

	private final ChangeLog changeLog;

	/** One thread at a time reads the log. */
	private final ReentrantLock lock = new ReentrantLock();

	private ChangeLog.Reader reader;

	private boolean failing;

	PublicResponsesFollower(PublicResponses responses, ChangeLog changeLog) {
		this.responses = responses;
		this.changeLog = changeLog;
	}

	@Scheduled(fixedDelay = FOLLOW_EVERY_MS)
	void follow() {
		catchUp();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void afterCommit(ChangesRecorded recorded) {
		catchUp();
	}

	private void catchUp() {
		lock.lock();
		try {
			if (reader == null) {
				// nothing is kept yet, so nothing before this position can be stale
				reader = changeLog.reader();
			}
			reader.readAll(this::forget);
			responses.caughtUp();
			if (failing) {
				log.info("The public pages follow the change log again");
				failing = false;
			}
		}
		catch (RuntimeException ex) {
			// the database away: the pages are read from it (or answer 503) until the
			// next run succeeds
			if (!failing) {
				log.warn("The public pages could not follow the change log; they will try again: {}", ex.toString());
				failing = true;
			}
		}
		finally {
			lock.unlock();
		}
	}

	private void forget(List<Change> changes) {
		Set<String> articleIds = new HashSet<>();
		Set<String> personIds = new HashSet<>();
		for (Change change : changes) {
			switch (change.subject()) {
				case ARTICLE, PRESS_BLOCK -> articleIds.add(change.subjectId());
				case PERSON -> personIds.add(change.subjectId());
				case ORGANISATION -> {
					// a published block shows organisations as they were at publication
				}
			}
		}
		responses.forget(articleIds, personIds);
	}

}

package org.pressdesk.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.pressdesk.ApiTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The change log on the real database, with real threads: positions are handed out at
 * insert, so a transaction that commits late puts its row below one already read.
 */
class ChangeLogTests extends ApiTestSupport {

	@Autowired
	private ChangeLog changeLog;

	@Autowired
	private PlatformTransactionManager transactions;

	@Test
	void aRowCommittedBelowOneAlreadyReadIsReadNextTimeNotSkipped() throws Exception {
		ChangeLog.Reader reader = changeLog.reader();
		while (!reader.next(1000).isEmpty()) {
			// to the end of the log
		}
		String slow = UUID.randomUUID().toString();
		String fast = UUID.randomUUID().toString();
		CountDownLatch written = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		Thread slowWriter = new Thread(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
			changeLog.record(Subject.PERSON, slow, ChangeKind.UPDATED);
			written.countDown();
			await(commit);
		}));
		slowWriter.start();
		assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
		new TransactionTemplate(transactions)
			.executeWithoutResult(status -> changeLog.record(Subject.PERSON, fast, ChangeKind.UPDATED));

		List<String> before = ids(reader.next(1000));
		commit.countDown();
		slowWriter.join(10_000);
		List<String> after = ids(reader.next(1000));

		assertThat(before).contains(fast).doesNotContain(slow);
		assertThat(after).as("the slower transaction's row, below the one read").contains(slow).doesNotContain(fast);
		assertThat(ids(reader.next(1000))).as("each row once").doesNotContain(slow, fast);
	}

	@Test
	void aFollowerThatCouldNotApplyWhatItReadGoesBackAndReadsItAgain() {
		ChangeLog.Reader reader = changeLog.reader();
		while (!reader.next(1000).isEmpty()) {
			// to the end of the log
		}
		String id = UUID.randomUUID().toString();
		new TransactionTemplate(transactions)
			.executeWithoutResult(status -> changeLog.record(Subject.PERSON, id, ChangeKind.UPDATED));
		List<String> failedToApply = new ArrayList<>();
		assertThatThrownBy(() -> reader.readAll(changes -> {
			failedToApply.addAll(ids(changes));
			throw new IllegalStateException("the database went away half-way");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(failedToApply).contains(id);
		assertThat(ids(reader.next(1000))).contains(id);
		assertThat(ids(reader.next(1000))).doesNotContain(id);
	}

	@Test
	void aRolledBackChangeIsNeverRead() {
		ChangeLog.Reader reader = changeLog.reader();
		while (!reader.next(1000).isEmpty()) {
			// to the end of the log
		}
		String rolledBack = UUID.randomUUID().toString();
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			changeLog.record(Subject.PERSON, rolledBack, ChangeKind.DELETED);
			status.setRollbackOnly();
		});
		assertThat(ids(reader.next(1000))).doesNotContain(rolledBack);
	}

	@Test
	void aChangeOutsideATransactionIsRefused() {
		assertThatThrownBy(() -> changeLog.record(Subject.PERSON, UUID.randomUUID().toString(), ChangeKind.UPDATED))
			.isInstanceOf(IllegalStateException.class);
	}

	private static List<String> ids(List<Change> changes) {
		List<String> ids = new ArrayList<>();
		changes.forEach(change -> ids.add(change.subjectId()));
		return ids;
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

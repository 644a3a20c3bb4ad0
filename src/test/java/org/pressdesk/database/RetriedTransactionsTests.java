package org.pressdesk.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pressdesk.db.Tables.RATE_BUCKET;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import org.pressdesk.ApiTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Transactional;

/**
 * A real deadlock on the real database: two transactions each lock one row and then want
 * the other's. InnoDB rolls one back; it is run again and both finish.
 */
@Import(RetriedTransactionsTests.Deadlocks.class)
class RetriedTransactionsTests extends ApiTestSupport {

	@Autowired
	private Deadlocks deadlocks;

	@Autowired
	private DSLContext db;

	@Test
	void aTransactionChosenAsADeadlocksVictimIsRunAgainAndBothFinish() throws Exception {
		String a = unique("row-a");
		String b = unique("row-b");
		for (String client : new String[] { a, b }) {
			db.insertInto(RATE_BUCKET)
				.set(RATE_BUCKET.SCOPE, "deadlock")
				.set(RATE_BUCKET.CLIENT, client)
				.set(RATE_BUCKET.TOKENS, 0.0)
				.set(RATE_BUCKET.COUNTED, 0L)
				.execute();
		}
		CountDownLatch bothHoldOne = new CountDownLatch(2);
		CompletableFuture<Void> one = CompletableFuture.runAsync(() -> deadlocks.lockBoth(a, b, bothHoldOne));
		CompletableFuture<Void> other = CompletableFuture.runAsync(() -> deadlocks.lockBoth(b, a, bothHoldOne));

		CompletableFuture.allOf(one, other).get(30, TimeUnit.SECONDS);
		assertThat(deadlocks.runs()).as("one of them ran twice").isEqualTo(3);
		assertThat(db.select(RATE_BUCKET.TOKENS)
			.from(RATE_BUCKET)
			.where(RATE_BUCKET.CLIENT.in(a, b))
			.fetch(RATE_BUCKET.TOKENS)).as("each transaction's writes once").containsExactly(2.0, 2.0);
	}

	@TestConfiguration
	static class Deadlocks {

		private final AtomicInteger runs = new AtomicInteger();

		private final DSLContext db;

		Deadlocks(DSLContext db) {
			this.db = db;
		}

		/** A method, as the test holds the proxy, not this object. */
		public int runs() {
			return runs.get();
		}

		@Transactional
		public void lockBoth(String first, String second, CountDownLatch bothHoldOne) {
			runs.incrementAndGet();
			addOne(first);
			bothHoldOne.countDown();
			try {
				// the first time round, until the other holds its row; at once after
				bothHoldOne.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			addOne(second);
		}

		private void addOne(String client) {
			db.update(RATE_BUCKET)
				.set(RATE_BUCKET.TOKENS, RATE_BUCKET.TOKENS.plus(1))
				.where(RATE_BUCKET.CLIENT.eq(client))
				.execute();
		}

	}

}

package org.pressdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class RecentlyReadAccountsTests {

	private final RecentlyReadAccounts recentlyRead = new RecentlyReadAccounts();

	@Test
	void anAccountIsReadOnceAndKept() {
		AtomicInteger reads = new AtomicInteger();
		for (int i = 0; i < 3; i++) {
			assertThat(recentlyRead.get("user:ann", () -> Optional.of("ann, read " + reads.incrementAndGet())))
				.contains("ann, read 1");
		}
	}

	@Test
	void anAccountNotFoundIsNotKept() {
		AtomicInteger reads = new AtomicInteger();
		recentlyRead.get("user:nobody", () -> Optional.empty());
		recentlyRead.get("user:nobody", () -> Optional.of("made since, read " + reads.incrementAndGet()));
		assertThat(reads).hasValue(1);
	}

	/**
	 * A request reads the user while an administrator's change commits: what it read may
	 * be from before the change, so it is not kept.
	 */
	@Test
	void anAccountReadWhileAChangeCommitsIsReadAgainNextTime() throws Exception {
		CountDownLatch reading = new CountDownLatch(1);
		CountDownLatch committed = new CountDownLatch(1);
		CompletableFuture<Optional<String>> request = CompletableFuture
			.supplyAsync(() -> recentlyRead.get("user:ann", () -> {
				reading.countDown();
				await(committed);
				return Optional.of("enabled, as read before the change");
			}));
		assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
		recentlyRead.forgetAfterCommit();
		committed.countDown();
		assertThat(request.get(10, TimeUnit.SECONDS)).contains("enabled, as read before the change");

		assertThat(recentlyRead.get("user:ann", () -> Optional.of("disabled"))).as("the next request")
			.contains("disabled");
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

package org.pressdesk.security;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Staff users and API keys as authentication last read them, kept for a second: HTTP
 * Basic and API keys come with every request, and reading the account each time was a
 * tenth of what a search cost (SearchBenchmark). A change made through this instance (a
 * user disabled, a password or role changed, a key revoked or replaced) is seen by the
 * next request, as every kept account is forgotten once it is committed; one made through
 * another instance, within {@link #KEPT}. An account that is not found is not kept: a
 * made-up name or key is looked up every time.
 */
@Component
class RecentlyReadAccounts {

	static final Duration KEPT = Duration.ofSeconds(1);

	/** Changes to users or keys committed through this instance so far. */
	private final AtomicLong changes = new AtomicLong();

	private final Cache<String, Kept> accounts = Caffeine.newBuilder()
		.expireAfterWrite(KEPT)
		.maximumSize(10_000)
		.build();

	/** An account, and how many changes had been committed when its reading began. */
	private record Kept(Object account, long changesBefore) {
	}

	/**
	 * The account kept under this key, or read now; {@code key} names the kind of account
	 * too (a user name and a key id may be alike).
	 */
	@SuppressWarnings("unchecked")
	<T> Optional<T> get(String key, Supplier<Optional<T>> reading) {
		long changesBefore = changes.get();
		Kept kept = accounts.getIfPresent(key);
		if (kept != null && kept.changesBefore() == changesBefore) {
			return Optional.of((T) kept.account());
		}
		Optional<T> read = reading.get();
		// a change committed while it was read makes it stale, however late it is kept
		read.ifPresent(account -> accounts.put(key, new Kept(account, changesBefore)));
		return read;
	}

	/**
	 * Forgets every kept account once the current transaction commits (now without one),
	 * also one being read at that moment.
	 */
	void forgetAfterCommit() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			changes.incrementAndGet();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				changes.incrementAndGet();
			}
		});
	}

}

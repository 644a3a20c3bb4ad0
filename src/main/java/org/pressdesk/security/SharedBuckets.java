package org.pressdesk.security;

import static org.pressdesk.db.Tables.RATE_BUCKET;

import java.time.Clock;
import java.time.Duration;

import org.jooq.DSLContext;

import org.pressdesk.system.Leases;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rate limits' token buckets, in the database so that every instance draws on the
 * same one per client: a minute's allowance at most, refilled evenly.
 */
@Component
class SharedBuckets {

	private static final long MINUTE_MS = 60_000;

	private final DSLContext db;

	private final TransactionTemplate transaction;

	private final Leases leases;

	private final Clock clock;

	SharedBuckets(DSLContext db, PlatformTransactionManager transactions, Leases leases, Clock clock) {
		this.db = db;
		this.transaction = new TransactionTemplate(transactions);
		// one row at a time, no gap locks: buckets of other clients are made meanwhile
		this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
		this.leases = leases;
		this.clock = clock;
	}

	/**
	 * Tokens taken from a client's bucket: how many (up to the number asked for), and
	 * when none, how long until there is one.
	 */
	record Grant(int tokens, long waitMillis) {
	}

	/**
	 * @param owed tokens the caller spent before taking them: charged first, so that they
	 * may leave the bucket below empty (a debt of at most one allowance)
	 */
	Grant take(String scope, String client, int perMinute, int wanted, int owed) {
		return transaction.execute(status -> {
			long now = clock.millis();
			// the row made full when there is none, and locked either way (an upsert
			// takes
			// the exclusive lock at once); plain SQL, as jOOQ writes a row alias MariaDB
			// does not know
			db.execute("insert into rate_bucket (scope, client, tokens, counted) values (?, ?, ?, ?) "
					+ "on duplicate key update tokens = tokens", scope, client, (double) perMinute, now);
			var bucket = db.select(RATE_BUCKET.TOKENS, RATE_BUCKET.COUNTED)
				.from(RATE_BUCKET)
				.where(RATE_BUCKET.SCOPE.eq(scope))
				.and(RATE_BUCKET.CLIENT.eq(client))
				.forUpdate()
				.fetchSingle();
			double tokens = Math.max(-perMinute,
					Math.min(perMinute,
							bucket.value1() + (double) Math.max(0, now - bucket.value2()) * perMinute / MINUTE_MS)
							- owed);
			int granted = (int) Math.max(0, Math.min(wanted, Math.floor(tokens)));
			tokens -= granted;
			db.update(RATE_BUCKET)
				.set(RATE_BUCKET.TOKENS, tokens)
				.set(RATE_BUCKET.COUNTED, now)
				.where(RATE_BUCKET.SCOPE.eq(scope))
				.and(RATE_BUCKET.CLIENT.eq(client))
				.execute();
			return new Grant(granted, granted > 0 ? 0 : (long) Math.ceil((1 - tokens) * MINUTE_MS / perMinute));
		});
	}

	/**
	 * A bucket untouched for two minutes is full: its row goes, once across instances.
	 */
	@Scheduled(initialDelay = 180_000, fixedDelay = 600_000)
	void forgetFullBuckets() {
		leases.runOnce("forget-full-rate-buckets", Duration.ofMinutes(10),
				() -> db.deleteFrom(RATE_BUCKET)
					.where(RATE_BUCKET.COUNTED.lt(clock.millis() - 2 * MINUTE_MS))
					.execute());
	}

}

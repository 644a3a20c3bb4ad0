package org.pressdesk.security;

import static org.pressdesk.db.Tables.LOGIN_FAILURE;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import org.pressdesk.system.Leases;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows down password guessing. An attempt is counted as a failure when it begins and
 * forgiven when it succeeds, so that a burst of concurrent guesses is counted before any
 * of them is checked.
 * <ul>
 * <li>Per account <em>and address</em>: after a few failures
 * ({@link LoginThrottleSettings}), each further attempt from that address on that account
 * waits twice as long as the last (1 s, 2 s, … at most {@link #LONGEST_WAIT}), until a
 * success. An attacker elsewhere cannot lock a real user out. The account is the user
 * found, however its name was typed ({@code VIEWER1}, {@code viéwer1 } and
 * {@code viewer1} are one account, as they are to the lookup).</li>
 * <li>Per address: one address may fail only so often per {@link #ADDRESS_WINDOW} across
 * all accounts; beyond that it may not try accounts that do not exist or that have failed
 * from it. Spraying many accounts is stopped, but a known user who has not failed still
 * gets in, even behind a proxy that makes everyone one address.</li>
 * </ul>
 * Counted in the database ({@code login_failure}), so that several instances throttle as
 * one: an attacker gains nothing by spreading guesses over them. Each attempt locks its
 * two rows, so concurrent attempts are counted one by one on any instance.
 */
@Component
class LoginThrottle {

	static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

	static final Duration ADDRESS_WINDOW = Duration.ofMinutes(15);

	/** Failures per account idle this long are forgotten (the waits start again). */
	static final Duration FORGOTTEN_AFTER = Duration.ofDays(1);

	private static final String ACCOUNT = "ACCOUNT";

	private static final String ADDRESS = "ADDRESS";

	private final LoginThrottleSettings settings;

	private final DSLContext db;

	private final TransactionTemplate transaction;

	private final Leases leases;

	private final Clock clock;

	/**
	 * @param refusalNoted whether a refusal since the last counted failure has been
	 * reported
	 */
	private record Failures(int count, Instant since, Instant last, boolean refusalNoted) {

		static Failures none(Instant now) {
			return new Failures(0, now, now, false);
		}

		Failures plusOne(Instant now) {
			return count == 0 ? new Failures(1, now, now, false) : new Failures(count + 1, since, now, false);
		}

		Failures noted() {
			return new Failures(count, since, last, true);
		}

	}

	/**
	 * Whether an attempt may go ahead; if not, how long to wait, and whether this is the
	 * first refusal of a run (the one worth an audit row).
	 */
	record Attempt(Optional<Duration> retryAfter, boolean firstRefusal) {

		boolean refused() {
			return retryAfter.isPresent();
		}

	}

	LoginThrottle(LoginThrottleSettings settings, DSLContext db, TransactionTemplate transaction, Leases leases,
			Clock clock) {
		this.settings = settings;
		this.db = db;
		this.transaction = transaction;
		this.leases = leases;
		this.clock = clock;
	}

	/**
	 * Asks to check a password for {@code account} (a user's id, or the name of one that
	 * does not exist) from {@code address}. An attempt that may go ahead is counted as
	 * failed until {@link #succeeded} says otherwise.
	 */
	Attempt begin(String account, boolean known, String address) {
		return transaction.execute(status -> {
			Instant now = Instant.now(clock);
			String key = key(account, address);
			Failures accountFailures = locked(ACCOUNT, key, now);
			Failures addressFailures = locked(ADDRESS, address, now);
			if (addressFailures.since().plus(ADDRESS_WINDOW).isBefore(now)) {
				addressFailures = Failures.none(now);
			}
			if (addressFailures.count() >= settings.addressFailures() && (!known || accountFailures.count() > 0)) {
				Instant until = addressFailures.since().plus(ADDRESS_WINDOW);
				write(ADDRESS, address, addressFailures.noted());
				return new Attempt(Optional.of(Duration.between(now, until)), !addressFailures.refusalNoted());
			}
			if (accountFailures.count() >= settings.freeFailures()) {
				Duration wait = Duration
					.ofSeconds(1L << Math.min(20, accountFailures.count() - settings.freeFailures()));
				Instant until = accountFailures.last().plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
				if (until.isAfter(now)) {
					write(ACCOUNT, key, accountFailures.noted());
					return new Attempt(Optional.of(Duration.between(now, until)), !accountFailures.refusalNoted());
				}
			}
			write(ACCOUNT, key, accountFailures.plusOne(now));
			write(ADDRESS, address, addressFailures.plusOne(now));
			return new Attempt(Optional.empty(), false);
		});
	}

	/**
	 * The attempt begun for the account succeeded: its failures are forgiven, and so is
	 * the attempt.
	 */
	void succeeded(String account, String address) {
		transaction.executeWithoutResult(status -> {
			db.deleteFrom(LOGIN_FAILURE)
				.where(LOGIN_FAILURE.KIND.eq(ACCOUNT))
				.and(LOGIN_FAILURE.FAILURE_KEY.eq(key(account, address)))
				.execute();
			db.update(LOGIN_FAILURE)
				.set(LOGIN_FAILURE.COUNT, DSL.greatest(LOGIN_FAILURE.COUNT.minus(1), DSL.inline(0)))
				.where(LOGIN_FAILURE.KIND.eq(ADDRESS))
				.and(LOGIN_FAILURE.FAILURE_KEY.eq(address))
				.execute();
		});
	}

	/** What no attempt waits for any more, once an hour across instances. */
	@Scheduled(initialDelay = 300_000, fixedDelay = 3_600_000)
	void forgetOldFailures() {
		leases.runOnce("forget-old-login-failures", Duration.ofHours(1),
				() -> db.deleteFrom(LOGIN_FAILURE)
					.where(LOGIN_FAILURE.LAST.lt(Instant.now(clock).minus(FORGOTTEN_AFTER)))
					.execute());
	}

	/**
	 * The row of a key, made when there is none, locked until the transaction ends. The
	 * upsert takes the row's exclusive lock at once (an INSERT IGNORE would take a shared
	 * one first, and two attempts upgrading theirs would deadlock); plain SQL, as jOOQ
	 * writes a row alias MariaDB does not know.
	 */
	private Failures locked(String kind, String key, Instant now) {
		LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
		db.execute("insert into login_failure (kind, failure_key, count, since, last, refusal_noted) "
				+ "values (?, ?, 0, ?, ?, false) on duplicate key update count = count", kind, key, at, at);
		return db.selectFrom(LOGIN_FAILURE)
			.where(LOGIN_FAILURE.KIND.eq(kind))
			.and(LOGIN_FAILURE.FAILURE_KEY.eq(key))
			.forUpdate()
			.fetchSingle(row -> new Failures(row.getCount(), row.getSince(), row.getLast(), row.getRefusalNoted()));
	}

	private void write(String kind, String key, Failures failures) {
		db.update(LOGIN_FAILURE)
			.set(LOGIN_FAILURE.COUNT, failures.count())
			.set(LOGIN_FAILURE.SINCE, failures.since())
			.set(LOGIN_FAILURE.LAST, failures.last())
			.set(LOGIN_FAILURE.REFUSAL_NOTED, failures.refusalNoted())
			.where(LOGIN_FAILURE.KIND.eq(kind))
			.and(LOGIN_FAILURE.FAILURE_KEY.eq(key))
			.execute();
	}

	private static String key(String account, String address) {
		return account + "\u0000" + address;
	}

}

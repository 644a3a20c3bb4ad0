package org.pressdesk.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

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
 * Counted in memory, per instance of the service.
 */
@Component
class LoginThrottle {

	static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

	static final Duration ADDRESS_WINDOW = Duration.ofMinutes(15);

	/** Beyond this many tracked keys, those with nothing to wait for are forgotten. */
	private static final int MAX_TRACKED = 100_000;

	private final LoginThrottleSettings settings;

	private final Clock clock;

	/**
	 * @param refusalNoted whether a refusal since the last counted failure has been
	 * reported
	 */
	private record Failures(int count, Instant since, Instant last, boolean refusalNoted) {

		static Failures first(Instant now) {
			return new Failures(1, now, now, false);
		}

		Failures plusOne(Instant now) {
			return new Failures(count + 1, since, now, false);
		}

		Failures minusOne() {
			return new Failures(Math.max(0, count - 1), since, last, refusalNoted);
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

	private final Map<String, Failures> byAccountAndAddress = new HashMap<>();

	private final Map<String, Failures> byAddress = new HashMap<>();

	private Instant lastSweep = Instant.EPOCH;

	LoginThrottle(LoginThrottleSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Asks to check a password for {@code account} (a user's id, or the name of one that
	 * does not exist) from {@code address}. An attempt that may go ahead is counted as
	 * failed until {@link #succeeded} says otherwise.
	 */
	synchronized Attempt begin(String account, boolean known, String address) {
		Instant now = Instant.now(clock);
		forgetOldOnes(now);
		String key = key(account, address);
		Failures accountFailures = byAccountAndAddress.get(key);
		Failures addressFailures = byAddress.get(address);
		if (addressFailures != null && addressFailures.since().plus(ADDRESS_WINDOW).isBefore(now)) {
			addressFailures = null;
		}
		if (addressFailures != null && addressFailures.count() >= settings.addressFailures()
				&& (!known || accountFailures != null)) {
			Instant until = addressFailures.since().plus(ADDRESS_WINDOW);
			byAddress.put(address, addressFailures.noted());
			return new Attempt(Optional.of(Duration.between(now, until)), !addressFailures.refusalNoted());
		}
		if (accountFailures != null && accountFailures.count() >= settings.freeFailures()) {
			Duration wait = Duration.ofSeconds(1L << Math.min(20, accountFailures.count() - settings.freeFailures()));
			Instant until = accountFailures.last().plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
			if (until.isAfter(now)) {
				byAccountAndAddress.put(key, accountFailures.noted());
				return new Attempt(Optional.of(Duration.between(now, until)), !accountFailures.refusalNoted());
			}
		}
		byAccountAndAddress.put(key, accountFailures == null ? Failures.first(now) : accountFailures.plusOne(now));
		byAddress.put(address, addressFailures == null ? Failures.first(now) : addressFailures.plusOne(now));
		return new Attempt(Optional.empty(), false);
	}

	/**
	 * The attempt begun for the account succeeded: its failures are forgiven, and so is
	 * the attempt.
	 */
	synchronized void succeeded(String account, String address) {
		byAccountAndAddress.remove(key(account, address));
		byAddress.computeIfPresent(address, (ignored, failures) -> failures.minusOne());
	}

	private void forgetOldOnes(Instant now) {
		// at most once a minute, not at every attempt while many are tracked
		if (byAccountAndAddress.size() + byAddress.size() > MAX_TRACKED && lastSweep.plusSeconds(60).isBefore(now)) {
			lastSweep = now;
			byAccountAndAddress.values().removeIf(f -> f.last().plus(LONGEST_WAIT).isBefore(now));
			byAddress.values().removeIf(f -> f.since().plus(ADDRESS_WINDOW).isBefore(now));
		}
	}

	private static String key(String account, String address) {
		return account + "\u0000" + address;
	}

}

package org.pressdesk.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Slows down password guessing. Failures are counted per account <em>and address</em>: after a
 * few of them ({@link LoginThrottleSettings}), each further attempt from that address on that
 * account waits twice as long as the last (1 s, 2 s, … at most {@link #LONGEST_WAIT}), until a
 * success. So an attacker elsewhere cannot lock a real user out; and one address may fail only so
 * often per {@link #ADDRESS_WINDOW} across all accounts, which stops spraying many accounts.
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

	private record Failures(int count, Instant since, Instant last) {
	}

	private final Map<String, Failures> byAccountAndAddress = new ConcurrentHashMap<>();

	private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

	LoginThrottle(LoginThrottleSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	/** How long this attempt must wait; empty when it may go ahead. */
	Optional<Duration> waitFor(String username, String address) {
		Instant now = Instant.now(clock);
		Failures fromAddress = byAddress.get(address);
		if (fromAddress != null && fromAddress.count() >= settings.addressFailures()) {
			Instant until = fromAddress.since().plus(ADDRESS_WINDOW);
			if (until.isAfter(now)) {
				return Optional.of(Duration.between(now, until));
			}
		}
		Failures failures = byAccountAndAddress.get(key(username, address));
		if (failures != null && failures.count() >= settings.freeFailures()) {
			Duration wait = Duration.ofSeconds(1L << Math.min(20, failures.count() - settings.freeFailures()));
			Instant until = failures.last().plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
			if (until.isAfter(now)) {
				return Optional.of(Duration.between(now, until));
			}
		}
		return Optional.empty();
	}

	void failed(String username, String address) {
		Instant now = Instant.now(clock);
		if (byAccountAndAddress.size() + byAddress.size() > MAX_TRACKED) {
			byAccountAndAddress.values().removeIf(f -> f.last().plus(LONGEST_WAIT).isBefore(now));
			byAddress.values().removeIf(f -> f.since().plus(ADDRESS_WINDOW).isBefore(now));
		}
		byAccountAndAddress.merge(key(username, address), new Failures(1, now, now),
				(old, one) -> new Failures(old.count() + 1, old.since(), now));
		byAddress.merge(address, new Failures(1, now, now), (old, one) -> old.since().plus(ADDRESS_WINDOW).isBefore(now)
				? new Failures(1, now, now) : new Failures(old.count() + 1, old.since(), now));
	}

	void succeeded(String username, String address) {
		byAccountAndAddress.remove(key(username, address));
	}

	private static String key(String username, String address) {
		return username + "\u0000" + address;
	}

}

package org.pressdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.pressdesk.ApiTestSupport;
import org.pressdesk.Http;
import org.pressdesk.Http.Response;

import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = { "pressdesk.login-throttle.free-failures=3",
		"pressdesk.login-throttle.address-failures=8", "pressdesk.trusted-proxies=127.0.0.1" })
class LoginThrottleTests extends ApiTestSupport {

	private static Response get(Http client, String address) {
		return client.get("/api/v1/people?limit=1", "X-Forwarded-For", address);
	}

	@Test
	void guessingOneAccountFromOneAddressSlowsDownWithoutLockingOutTheRealUser() {
		String username = unique("target").toLowerCase();
		assertThat(admin
			.post("/api/v1/users",
					Http.toJson(Map.of("username", username, "password", STAFF_PASSWORD, "role", "VIEWER")))
			.status()).isEqualTo(201);
		Http guesser = anonymous.as(username, "a wrong guess of a password");
		String attacker = "203.0.113.50";
		for (int i = 0; i < 3; i++) {
			assertThat(get(guesser, attacker).status()).isEqualTo(401);
		}
		Response throttled = get(guesser, attacker);
		assertThat(throttled.status()).isEqualTo(429);
		assertThat(throttled.header("Retry-After")).isEqualTo("1");
		assertThat(get(anonymous.as(username, STAFF_PASSWORD), attacker).status())
			.as("even the right password waits from that address")
			.isEqualTo(429);

		assertThat(get(anonymous.as(username, STAFF_PASSWORD), "198.51.100.20").status())
			.as("the real user elsewhere is not locked out")
			.isEqualTo(200);
	}

	@Test
	void oneAddressCannotSprayManyAccounts() {
		String sprayer = "203.0.113.77";
		for (int i = 0; i < 8; i++) {
			assertThat(get(anonymous.as(unique("nobody"), "a wrong guess of a password"), sprayer).status())
				.isEqualTo(401);
		}
		Response blocked = get(anonymous.as(unique("nobody"), "a wrong guess of a password"), sprayer);
		assertThat(blocked.status()).isEqualTo(429);
		assertThat(Long.parseLong(blocked.header("Retry-After"))).isBetween(1L, 15 * 60L);
		assertThat(get(admin, "198.51.100.21").status()).isEqualTo(200);
	}

	/**
	 * Behind a reverse proxy without PRESSDESK_TRUSTED_PROXIES every user shares one
	 * address: a sprayer's failures there must not lock out the users who have not
	 * failed.
	 */
	@Test
	void aKnownUserWhoHasNotFailedGetsInFromAnAddressThatSprayed() {
		String shared = "203.0.113.90";
		String username = newUser("known");
		String typist = newUser("typist");
		for (int i = 0; i < 8; i++) {
			assertThat(get(anonymous.as(unique("nobody"), "a wrong guess of a password"), shared).status())
				.isEqualTo(401);
		}
		assertThat(get(anonymous.as(unique("nobody"), "a wrong guess of a password"), shared).status())
			.as("the sprayer, on a name it has not tried")
			.isEqualTo(429);
		assertThat(get(anonymous.as(username, STAFF_PASSWORD), shared).status())
			.as("a user who has not failed, with the right password")
			.isEqualTo(200);
		assertThat(get(anonymous.as(typist, "a wrong guess of a password"), shared).status())
			.as("a known user's first failure from there is still checked")
			.isEqualTo(401);
		assertThat(get(anonymous.as(typist, STAFF_PASSWORD), shared).status())
			.as("but then the account is failing from an address over its limit")
			.isEqualTo(429);
	}

	@Test
	void theNameAsTypedGivesNoExtraGuesses() {
		String username = newUser("viewer");
		String attacker = "203.0.113.91";
		for (String typed : List.of(username.toUpperCase(Locale.ROOT), username.replaceFirst("e", "é"),
				username + " ")) {
			assertThat(get(anonymous.as(typed, "a wrong guess of a password"), attacker).status()).as(typed)
				.isEqualTo(401);
		}
		assertThat(get(anonymous.as(username, "a wrong guess of a password"), attacker).status())
			.as("the fourth guess, however the name is written")
			.isEqualTo(429);
	}

	@Test
	void aBurstOfConcurrentGuessesIsCountedBeforeAnyIsChecked() throws Exception {
		String username = newUser("burst");
		String attacker = "203.0.113.92";
		Http guesser = anonymous.as(username, "a wrong guess of a password");
		ExecutorService threads = Executors.newFixedThreadPool(40);
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				answers.add(threads.submit(() -> get(guesser, attacker).status()));
			}
			Map<Integer, Integer> statuses = new HashMap<>();
			for (Future<Integer> answer : answers) {
				statuses.merge(answer.get(), 1, Integer::sum);
			}
			assertThat(statuses).as("passwords checked (401) and refused unchecked (429)")
				.containsExactlyInAnyOrderEntriesOf(Map.of(401, 3, 429, 37));
		}
		finally {
			threads.shutdownNow();
		}

		String sprayer = "203.0.113.93";
		threads = Executors.newFixedThreadPool(40);
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				answers.add(threads.submit(
						() -> get(anonymous.as(unique("nobody"), "a wrong guess of a password"), sprayer).status()));
			}
			int checked = 0;
			for (Future<Integer> answer : answers) {
				checked += answer.get() == 401 ? 1 : 0;
			}
			assertThat(checked).as("names tried from one address at once, against its limit of 8").isEqualTo(8);
		}
		finally {
			threads.shutdownNow();
		}
	}

	/**
	 * Counting attempts before checking them must not refuse a client's parallel first
	 * calls.
	 */
	@Test
	void aClientsFirstParallelCallsWithTheRightPasswordAllGetIn() throws Exception {
		Http client = anonymous.as(newUser("parallel"), STAFF_PASSWORD);
		ExecutorService threads = Executors.newFixedThreadPool(12);
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < 12; i++) {
				answers.add(threads.submit(() -> get(client, "198.51.100.60").status()));
			}
			for (Future<Integer> answer : answers) {
				assertThat(answer.get()).isEqualTo(200);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	/** Each refused API key used to write an audit row, without limit. */
	@Test
	void madeUpApiKeysAreThrottledAndDoNotFillTheAuditTrail() {
		String since = java.time.Instant.now().minusSeconds(1).toString();
		String prefix = unique("k").toLowerCase(Locale.ROOT);
		Map<Integer, Integer> statuses = new HashMap<>();
		for (int i = 0; i < 30; i++) {
			Http forger = new Http(anonymous.base(), "Bearer pd_" + prefix + i + "_" + "x".repeat(43));
			statuses.merge(get(forger, "203.0.113.94").status(), 1, Integer::sum);
		}
		Http sameKey = new Http(anonymous.base(), "Bearer pd_" + prefix + "same_" + "x".repeat(43));
		for (int i = 0; i < 10; i++) {
			statuses.merge(get(sameKey, "203.0.113.95").status(), 1, Integer::sum);
		}
		assertThat(statuses).as("8 keys checked from the first address, 3 from the second")
			.containsExactlyInAnyOrderEntriesOf(Map.of(401, 8 + 3, 429, 22 + 7));
		long rows = admin.get("/api/v1/audit?limit=100&action=LOGIN_FAILED&since=" + since)
			.json()
			.get("items")
			.valueStream()
			.filter(row -> row.get("actor").asString().startsWith("pd_" + prefix))
			.count();
		assertThat(rows).as("audit rows for 40 made-up keys: each checked one, and the first refusal at each address")
			.isEqualTo(8 + 1 + 3 + 1);
	}

	private String newUser(String prefix) {
		String username = unique(prefix).toLowerCase(Locale.ROOT);
		assertThat(admin
			.post("/api/v1/users",
					Http.toJson(Map.of("username", username, "password", STAFF_PASSWORD, "role", "VIEWER")))
			.status()).isEqualTo(201);
		return username;
	}

}

package org.pressdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

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
		assertThat(admin.post("/api/v1/users", Http.toJson(Map.of("username", username, "password", STAFF_PASSWORD,
				"role", "VIEWER"))).status()).isEqualTo(201);
		Http guesser = anonymous.as(username, "a wrong guess of a password");
		String attacker = "203.0.113.50";
		for (int i = 0; i < 3; i++) {
			assertThat(get(guesser, attacker).status()).isEqualTo(401);
		}
		Response throttled = get(guesser, attacker);
		assertThat(throttled.status()).isEqualTo(429);
		assertThat(throttled.header("Retry-After")).isEqualTo("1");
		assertThat(get(anonymous.as(username, STAFF_PASSWORD), attacker).status())
			.as("even the right password waits from that address").isEqualTo(429);

		assertThat(get(anonymous.as(username, STAFF_PASSWORD), "198.51.100.20").status())
			.as("the real user elsewhere is not locked out").isEqualTo(200);
	}

	@Test
	void oneAddressCannotSprayManyAccounts() {
		String sprayer = "203.0.113.77";
		for (int i = 0; i < 8; i++) {
			assertThat(get(anonymous.as(unique("nobody"), "a wrong guess of a password"), sprayer).status()).isEqualTo(401);
		}
		Response blocked = get(anonymous.as(unique("nobody"), "a wrong guess of a password"), sprayer);
		assertThat(blocked.status()).isEqualTo(429);
		assertThat(Long.parseLong(blocked.header("Retry-After"))).isBetween(1L, 15 * 60L);
		assertThat(get(admin, "198.51.100.21").status()).isEqualTo(200);
	}

}

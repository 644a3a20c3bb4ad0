package org.pressdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.pressdesk.ApiTestSupport;
import org.pressdesk.Browser;
import org.pressdesk.Http;
import org.pressdesk.Http.Response;

import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = { "pressdesk.public.rate-limit-per-minute=5", "pressdesk.api.rate-limit-per-minute=30",
		"pressdesk.pages.rate-limit-per-minute=20", "pressdesk.trusted-proxies=127.0.0.1" })
class RateLimitTests extends ApiTestSupport {

	@Test
	void anAddressGetsAMinutesAllowanceThen429WithRetryAfterWhileOthersGoOn() {
		String slug = editor
			.post("/api/v1/articles", "{\"title\": \"Limited " + unique("r") + "\", \"status\": \"PUBLISHED\"}")
			.text("$.slug");
		// the test talks to the service from 127.0.0.1, configured here as a proxy, so
		// each forwarded address is a client of its own
		String scraper = "203.0.113." + (int) (Math.random() * 200);
		for (int i = 0; i < 5; i++) {
			assertThat(anonymous.get("/press/" + slug, "X-Forwarded-For", scraper).status()).isEqualTo(200);
		}
		Response limited = anonymous.get("/press/" + slug + "/contacts.vcf", "X-Forwarded-For", scraper);
		assertThat(limited.status()).isEqualTo(429);
		assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 12);
		assertThat(limited.header("Content-Type")).isEqualTo("application/problem+json");
		assertThat(limited.text("$.detail")).contains("Too many requests");

		assertThat(anonymous.get("/press/" + slug, "X-Forwarded-For", "198.51.100.9").status())
			.as("a journalist elsewhere is not affected")
			.isEqualTo(200);
		assertThat(anonymous.get("/press/" + slug, "X-Forwarded-For", "198.51.100.9, " + scraper).status())
			.as("the nearest address before our proxy counts, not what the client wrote further left")
			.isEqualTo(429);
		assertThat(editor.get("/api/v1/articles?limit=1").status()).as("staff are not limited by it").isEqualTo(200);
	}

	@Test
	void eachUserAndApiClientHasItsOwnAllowanceOnTheApi() {
		Http busy = staff(unique("busy").toLowerCase(), "VIEWER");
		int ok = 0;
		Response refused = null;
		for (int i = 0; i < 40 && refused == null; i++) {
			Response response = busy.get("/api/v1/people?limit=1");
			if (response.status() == 429) {
				refused = response;
			}
			else {
				ok++;
			}
		}
		assertThat(ok).as("a minute's allowance at once (the user's creation used none of it)").isEqualTo(30);
		assertThat(refused).isNotNull();
		assertThat(refused.header("Retry-After")).isEqualTo("2");
		assertThat(viewer.get("/api/v1/people?limit=1").status()).as("another user is not affected").isEqualTo(200);
	}

	/**
	 * Sixteen sessions of one user repeating a long search slowed everyone else's
	 * searches.
	 */
	@Test
	void aUserHasOneAllowanceOnTheStaffPagesHoweverManySessions() {
		String busy = unique("pages").toLowerCase();
		staff(busy, "VIEWER");
		Browser first = new Browser(port);
		Browser second = new Browser(port);
		first.login(busy, STAFF_PASSWORD);
		second.login(busy, STAFF_PASSWORD);
		int ok = 0;
		int refused = 0;
		for (int i = 0; i < 30; i++) {
			int status = (i % 2 == 0 ? first : second).get("/people/results?q=a+b+c+d+e+f+g+h").statusCode();
			ok += status == 200 ? 1 : 0;
			refused += status == 429 ? 1 : 0;
		}
		assertThat(ok).as("pages answered across both sessions (logging in took from the address's allowance)")
			.isBetween(17, 20);
		assertThat(refused).isEqualTo(30 - ok);
		HttpResponse<String> limited = first.get("/people/results?q=x");
		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(limited.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		Browser other = new Browser(port);
		other.login("test-viewer", STAFF_PASSWORD);
		assertThat(other.get("/people/results?q=x").statusCode()).as("another user is not affected").isEqualTo(200);
	}

}

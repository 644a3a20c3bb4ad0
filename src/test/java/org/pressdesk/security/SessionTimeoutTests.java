package org.pressdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.pressdesk.ApiTestSupport;
import org.pressdesk.Browser;
import org.pressdesk.Http;

import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "pressdesk.session.absolute-timeout=2s")
class SessionTimeoutTests extends ApiTestSupport {

	@Test
	void aSessionEndsAtItsAbsoluteTimeoutHoweverActive() throws InterruptedException {
		String username = unique("timeout").toLowerCase();
		admin.post("/api/v1/users",
				Http.toJson(Map.of("username", username, "password", STAFF_PASSWORD, "role", "VIEWER")));
		Browser browser = new Browser(port);
		browser.login(username, STAFF_PASSWORD);
		long loggedIn = System.currentTimeMillis();
		while (System.currentTimeMillis() - loggedIn < 1500) {
			assertThat(browser.get("/").statusCode()).isEqualTo(200);
			Thread.sleep(300);
		}
		Thread.sleep(Math.max(0, 2200 - (System.currentTimeMillis() - loggedIn)));
		assertThat(browser.get("/").statusCode()).as("active, but past the absolute timeout").isEqualTo(302);
	}

}

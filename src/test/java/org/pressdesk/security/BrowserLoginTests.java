package org.pressdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.pressdesk.ApiTestSupport;
import org.pressdesk.Browser;
import org.pressdesk.Http;

/**
 * Form login, sessions and CSRF, as a browser speaks to the service (cookies, forms,
 * redirects).
 */
class BrowserLoginTests extends ApiTestSupport {

	private String newViewer() {
		String username = unique("browser").toLowerCase();
		admin.post("/api/v1/users",
				Http.toJson(Map.of("username", username, "password", STAFF_PASSWORD, "role", "VIEWER")));
		return username;
	}

	@Test
	void aStaffUserSignsInWithANewSessionIdAndSignsOutWithCsrf() {
		String username = newViewer();
		Browser browser = new Browser(port);
		HttpResponse<String> start = browser.get("/");
		assertThat(start.statusCode()).isEqualTo(302);
		assertThat(start.headers().firstValue("Location").orElseThrow()).endsWith("/login");

		HttpResponse<String> page = browser.get("/login");
		assertThat(page.body()).contains("<label for=\"username\">", "autocomplete=\"current-password\"");
		assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
			.contains("frame-ancestors 'none'");
		String before = browser.session();

		assertThat(browser.post("/login", Map.of("username", username, "password", STAFF_PASSWORD)).statusCode())
			.as("no CSRF token, no login")
			.isEqualTo(403);
		HttpResponse<String> wrong = browser.login(username, "not the right password!");
		assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");

		HttpResponse<String> signedIn = browser.login(username, STAFF_PASSWORD);
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(browser.session()).as("a new session id at login").isNotNull().isNotEqualTo(before);
		String cookie = signedIn.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith("PRESSDESK_SESSION"))
			.findFirst()
			.orElseThrow();
		assertThat(cookie).contains("HttpOnly", "SameSite=Lax");
		HttpResponse<String> home = browser.get("/");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).as("the search page, with who is signed in")
			.contains("<span>" + username + "</span>", "Find a contact");

		assertThat(browser.get("/api/v1/people?limit=1").statusCode()).as("the API reads no cookies").isEqualTo(401);

		assertThat(browser.post("/logout", Map.of()).statusCode()).as("no CSRF token, no logout").isEqualTo(403);
		HttpResponse<String> signedOut = browser.post("/logout", Map.of("_csrf", csrf(browser)));
		assertThat(signedOut.headers().firstValue("Location").orElseThrow()).endsWith("/login?signedOut");
		assertThat(browser.get("/").statusCode()).isEqualTo(302);
	}

	private static String csrf(Browser browser) {
		return browser.csrf("/");
	}

	@Test
	void disablingAUserEndsTheirBrowserSessions() {
		String username = newViewer();
		Browser browser = new Browser(port);
		browser.login(username, STAFF_PASSWORD);
		assertThat(browser.get("/").statusCode()).isEqualTo(200);

		admin.patch("/api/v1/users/" + userId(username), "{\"enabled\": false}");

		HttpResponse<String> after = browser.get("/");
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location").orElseThrow()).contains("/login");
	}

	@Test
	void clientsThatDoNotAskForHtmlGetA401ProblemNotALoginPage() {
		Http.Response response = anonymous.get("/anything");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
	}

}

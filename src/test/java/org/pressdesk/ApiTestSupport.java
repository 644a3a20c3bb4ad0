package org.pressdesk;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service on a random port, on the shared test MariaDB, spoken to over real
 * HTTP as anonymous, VIEWER, EDITOR or ADMIN.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "pressdesk.admin-password=" + ApiTestSupport.ADMIN_PASSWORD, "pressdesk.demo-data=false",
				// the limit has its own tests (PublicRateLimitTests); here it would
				// couple unrelated tests
				"pressdesk.public.rate-limit-per-minute=0", "pressdesk.api.rate-limit-per-minute=0",
				"pressdesk.pages.rate-limit-per-minute=0",
				// every test comes from 127.0.0.1; LoginThrottleTests checks the limit
				// per address
				"pressdesk.login-throttle.address-failures=1000000",
				// the webhook tests' receiver listens on loopback; the secrets' key is
				// given (a test key), not made as a file in the working directory
				"pressdesk.webhooks.allow-private-networks=true",
				"pressdesk.webhooks.secret-key=" + ApiTestSupport.WEBHOOK_KEY })
public abstract class ApiTestSupport {

	public static final String ADMIN_PASSWORD = "test chief password, long enough";

	/** The key the webhook secrets are sealed with in tests: 32 bytes, Base64. */
	public static final String WEBHOOK_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

	public static final String STAFF_PASSWORD = "test staff password, long enough";

	@LocalServerPort
	protected int port;

	protected Http anonymous;

	protected Http admin;

	protected Http editor;

	protected Http viewer;

	@DynamicPropertySource
	static void sharedDatabase(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
		registry.add("spring.datasource.username", TestDatabase::username);
		registry.add("spring.datasource.password", TestDatabase::password);
	}

	@BeforeEach
	void clients() {
		anonymous = Http.anonymous(port);
		admin = anonymous.as("admin", ADMIN_PASSWORD);
		editor = staff("test-editor", "EDITOR");
		viewer = staff("test-viewer", "VIEWER");
	}

	/** A staff user with the role, created through the API on first use. */
	protected Http staff(String username, String role) {
		var response = admin.post("/api/v1/users",
				Http.toJson(java.util.Map.of("username", username, "password", STAFF_PASSWORD, "role", role)));
		if (response.status() != 201 && response.status() != 409) {
			throw new IllegalStateException("could not create " + username + ": " + response);
		}
		return anonymous.as(username, STAFF_PASSWORD);
	}

	/** The id of a staff user, by name. */
	protected String userId(String username) {
		List<String> ids = admin.get("/api/v1/users").at("$.items[?(@.username == '" + username + "')].id");
		if (ids.size() != 1) {
			throw new IllegalStateException("no single user " + username + ": " + ids);
		}
		return ids.get(0);
	}

	/**
	 * A word no other test uses, to find exactly this test's data in the shared database.
	 */
	protected static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

}

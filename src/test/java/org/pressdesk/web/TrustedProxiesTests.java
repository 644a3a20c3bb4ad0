package org.pressdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.pressdesk.ApiTestSupport;
import org.pressdesk.Http;
import org.pressdesk.Http.Response;

import org.springframework.test.context.TestPropertySource;

/**
 * {@code X-Forwarded-For} and {@code X-Forwarded-Proto} count only from the configured
 * proxies (the tests talk to the service from 127.0.0.1).
 */
class TrustedProxiesTests {

	@Nested
	@TestPropertySource(properties = "pressdesk.trusted-proxies=10.0.0.0/8, 127.0.0.1")
	class BehindAConfiguredProxy extends ApiTestSupport {

		@Test
		void theForwardedClientAndSchemeAreBelieved() {
			String id = editor
				.post("/api/v1/organisations", "{\"name\": \"" + unique("Proxied ") + "\"}", "X-Forwarded-For",
						"198.51.100.23, 10.1.2.3", "X-Forwarded-Proto", "https")
				.createdId();

			assertThat(clientAddressOfCreation(admin, id)).as("the first hop left of our own proxies is the client")
				.isEqualTo("198.51.100.23");
			assertThat(
					anonymous.get("/actuator/health", "X-Forwarded-Proto", "https").header("Strict-Transport-Security"))
				.as("the client used HTTPS")
				.isNotNull();
		}

	}

	@Nested
	class WithoutConfiguredProxies extends ApiTestSupport {

		@Test
		void theHeadersNeverCount() {
			String id = editor
				.post("/api/v1/organisations", "{\"name\": \"" + unique("Unproxied ") + "\"}", "X-Forwarded-For",
						"198.51.100.23", "X-Forwarded-Proto", "https")
				.createdId();

			assertThat(clientAddressOfCreation(admin, id)).isEqualTo("127.0.0.1");
			assertThat(
					anonymous.get("/actuator/health", "X-Forwarded-Proto", "https").header("Strict-Transport-Security"))
				.isNull();
		}

	}

	private static String clientAddressOfCreation(Http admin, String organisationId) {
		Response events = admin.get("/api/v1/audit?entity=organisation&entityId=" + organisationId);
		return events.text("$.items[0].clientAddress");
	}

}

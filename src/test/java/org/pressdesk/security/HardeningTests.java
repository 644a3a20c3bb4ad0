package org.pressdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.pressdesk.ApiTestSupport;
import org.pressdesk.Http;
import org.pressdesk.Http.Response;

class HardeningTests extends ApiTestSupport {

	@Test
	void apiResponsesCarryProtectiveHeadersAndAreNeverStored() {
		Response response = viewer.get("/api/v1/people?limit=1");
		assertThat(response.header("Content-Security-Policy")).contains("default-src 'none'", "frame-ancestors 'none'");
		assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
		assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(response.header("Cache-Control")).contains("no-store");
		assertThat(response.header("Strict-Transport-Security")).as("HSTS only over TLS").isNull();
	}

	@Test
	void oversizedBodiesAndPagesAreRefused() {
		String huge = "{\"familyName\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
		Response tooLarge = editor.post("/api/v1/people", huge);
		assertThat(tooLarge.status()).isEqualTo(413);
		assertThat(viewer.get("/api/v1/people?limit=101").errorFields()).containsExactly("limit");
		assertThat(viewer.get("/api/v1/articles?limit=0").errorFields()).containsExactly("limit");
	}

	@Test
	void noErrorEverShowsAStackTraceOrSql() {
		List<Response> errors = List.of(editor.post("/api/v1/people", "{not json"),
				editor.post("/api/v1/people", "{\"familyName\": 42, \"emails\": \"x\"}"),
				editor.post("/api/v1/people", "{\"familyName\": \"x\", \"nonsense\": true}"),
				viewer.get("/api/v1/people?cursor=bm90IGEgY3Vyc29y"), viewer.get("/api/v1/articles?status=LIVE"),
				viewer.get("/api/v1/people?limit=x&q=" + Http.query("' or 1=1; drop table person; --")),
				editor.send("PUT", "/api/v1/people", "application/json", "{}"), viewer.get("/api/v1/nothing-here"),
				editor.post("/api/v1/organisations", "{\"name\": \"" + "n".repeat(400) + "\"}"),
				editor.send("PATCH", "/api/v1/people/x", "text/plain", "x"),
				anonymous.get("/press/%2e%2e%2f%2e%2e%2fetc%2fpasswd"));
		for (Response error : errors) {
			assertThat(error.status()).as(error.body()).isBetween(400, 499);
			assertThat(error.body()).doesNotContainIgnoringCase("exception")
				.doesNotContain("at org.", "at java.", "SQL", "jooq", "select ", "mariadb", "mysql");
		}
	}

	/** Every refusal is a complete problem: a type of ours and the path it is about. */
	@Test
	void everyRefusalIsAProblemWithATypeAndAnInstance() {
		Map<String, Response> refusals = Map.of("urn:pressdesk:problem:unauthorized", anonymous.get("/api/v1/people"),
				"urn:pressdesk:problem:forbidden", viewer.post("/api/v1/people", "{}"),
				"urn:pressdesk:problem:not-found", viewer.get("/api/v1/people/00000000-0000-4000-8000-000000000000"),
				"urn:pressdesk:problem:method-not-allowed", editor.delete("/api/v1/people"),
				"urn:pressdesk:problem:unsupported-media-type",
				editor.send("POST", "/api/v1/people", "text/plain", "x"), "urn:pressdesk:problem:not-acceptable",
				viewer.get("/api/v1/people", "Accept", "image/png"));
		refusals.forEach((type, answer) -> {
			assertThat(answer.header("Content-Type")).as("%s: %s", type, answer).startsWith("application/problem+json");
			assertThat(answer.<String>at("$.type")).as("%s: %s", type, answer).isEqualTo(type);
			assertThat(answer.<String>at("$.instance")).as("%s: %s", type, answer).startsWith("/api/v1/people");
			assertThat(answer.json().propertyNames()).as("%s: only RFC 9457's members and ours: %s", type, answer)
				.isSubsetOf("type", "title", "status", "detail", "instance", "errors");
		});
	}

}

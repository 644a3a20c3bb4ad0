package org.pressdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.pressdesk.ApiTestSupport;
import org.pressdesk.Http;
import org.pressdesk.Http.Response;

/** Who may call what, through real HTTP with real credentials. */
class AccessTests extends ApiTestSupport {

	@ParameterizedTest
	@CsvSource({ "GET,/api/v1/people", "GET,/api/v1/people/x", "POST,/api/v1/people", "PATCH,/api/v1/people/x",
			"DELETE,/api/v1/people/x", "GET,/api/v1/organisations", "POST,/api/v1/organisations",
			"GET,/api/v1/organisations/x/people", "POST,/api/v1/people/x/affiliations", "GET,/api/v1/users",
			"POST,/api/v1/users", "GET,/api/v1/no-such-thing", "GET,/", "GET,/actuator/env", "GET,/actuator/beans" })
	void anonymousCallersGetAProblem401(String method, String path) {
		Response response = anonymous.send(method, path, "application/json", method.equals("GET") ? null : "{}");

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.body()).doesNotContain("Exception");
	}

	@Test
	void the401IsAProblemWithABasicChallenge() {
		Response response = anonymous.get("/api/v1/people");

		assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.number("$.status")).isEqualTo(401);
	}

	@Test
	void wrongPasswordsAndUnknownUsersAreRefused() {
		assertThat(anonymous.as("admin", "not the password at all").get("/api/v1/people").status()).isEqualTo(401);
		assertThat(anonymous.as("nobody-by-that-name", "whatever it is here").get("/api/v1/people").status())
			.isEqualTo(401);
	}

	@Test
	void healthAndTheApiDescriptionAreOpen() {
		Response health = anonymous.get("/actuator/health");
		Response apiDocs = anonymous.get("/v3/api-docs");

		assertThat(health.status()).isEqualTo(200);
		assertThat(health.text("$.status")).isEqualTo("UP");
		assertThat(health.text("$.components.db.status")).isEqualTo("UP");
		assertThat(apiDocs.status()).isEqualTo(200);
		assertThat(apiDocs.text("$.openapi")).startsWith("3.1");
		assertThat(apiDocs.json().get("paths").has("/api/v1/people/{id}")).isTrue();
		assertThat(anonymous.get("/swagger-ui.html").status()).isIn(200, 302);
	}

	@Test
	void viewersReadButDoNotWrite() {
		assertThat(viewer.get("/api/v1/people").status()).isEqualTo(200);
		assertThat(viewer.get("/api/v1/organisations").status()).isEqualTo(200);

		Response create = viewer.post("/api/v1/people", "{\"familyName\": \"Example\"}");
		assertThat(create.status()).isEqualTo(403);
		assertThat(create.header("Content-Type")).startsWith("application/problem+json");
		assertThat(viewer.post("/api/v1/organisations", "{\"name\": \"X\"}").status()).isEqualTo(403);
		String id = editor.post("/api/v1/people", "{\"familyName\": \"Example\"}").text("$.id");
		assertThat(viewer.patch("/api/v1/people/" + id, "{\"familyName\": \"Changed\"}").status()).isEqualTo(403);
		assertThat(viewer.delete("/api/v1/people/" + id).status()).isEqualTo(403);
		assertThat(viewer.get("/api/v1/people/" + id).text("$.familyName")).isEqualTo("Example");
	}

	@Test
	void editorsWriteTheDirectoryButDoNotManageUsers() {
		assertThat(editor.post("/api/v1/people", "{\"familyName\": \"Example\"}").status()).isEqualTo(201);
		assertThat(editor.get("/api/v1/users").status()).isEqualTo(403);
		assertThat(viewer.get("/api/v1/users").status()).isEqualTo(403);
		assertThat(editor
			.post("/api/v1/users",
					Http.toJson(
							Map.of("username", unique("u"), "password", "a perfectly fine password", "role", "ADMIN")))
			.status()).isEqualTo(403);
	}

	@Test
	void adminsManageUsersWithoutEverSeeingAHash() {
		String username = unique("newcomer");
		Response created = admin.post("/api/v1/users",
				Http.toJson(Map.of("username", username, "password", "a perfectly fine password", "role", "VIEWER")));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.body()).doesNotContain("argon2").doesNotContain("password");
		assertThat(admin.get("/api/v1/users").body()).contains(username).doesNotContain("argon2");
		assertThat(anonymous.as(username, "a perfectly fine password").get("/api/v1/people").status()).isEqualTo(200);
		assertThat(admin
			.post("/api/v1/users",
					Http.toJson(
							Map.of("username", username, "password", "a perfectly fine password", "role", "VIEWER")))
			.status()).isEqualTo(409);
	}

	@Test
	void passwordsFollowTheRules() {
		for (String password : List.of("too short", "password1234", "x".repeat(129))) {
			Response response = admin.post("/api/v1/users",
					Http.toJson(Map.of("username", unique("u"), "password", password, "role", "VIEWER")));
			assertThat(response.status()).as(password).isEqualTo(400);
			assertThat(response.errorFields()).containsExactly("password");
		}
	}

}

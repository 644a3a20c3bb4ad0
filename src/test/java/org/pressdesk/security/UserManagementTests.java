package org.pressdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pressdesk.db.Tables.APP_USER;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.pressdesk.ApiTestSupport;
import org.pressdesk.Http;
import org.pressdesk.Http.Response;

import org.springframework.beans.factory.annotation.Autowired;

class UserManagementTests extends ApiTestSupport {

	@Autowired
	private DSLContext db;

	private JsonNode newUser(String role) {
		Response created = admin.post("/api/v1/users",
				Http.toJson(Map.of("username", unique("u").toLowerCase(), "password", STAFF_PASSWORD, "role", role)));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json();
	}

	private Http as(JsonNode user, String password) {
		return anonymous.as(user.get("username").asString(), password);
	}

	@Test
	void anAdminChangesRolesDisablesAndResetsPasswordsWithEffectAtOnce() {
		JsonNode user = newUser("VIEWER");
		String id = user.get("id").asString();
		Http staff = as(user, STAFF_PASSWORD);
		assertThat(staff.post("/api/v1/organisations", "{\"name\": \"" + unique("Org") + "\"}").status())
			.isEqualTo(403);

		assertThat(admin.patch("/api/v1/users/" + id, "{\"role\": \"EDITOR\"}").text("$.role")).isEqualTo("EDITOR");
		assertThat(staff.post("/api/v1/organisations", "{\"name\": \"" + unique("Org") + "\"}").status())
			.isEqualTo(201);

		assertThat(admin.patch("/api/v1/users/" + id, "{\"enabled\": false}").status()).isEqualTo(200);
		assertThat(staff.get("/api/v1/people?limit=1").status()).as("disabled: refused at once").isEqualTo(401);
		admin.patch("/api/v1/users/" + id, "{\"enabled\": true}");
		assertThat(staff.get("/api/v1/people?limit=1").status()).isEqualTo(200);

		Response weak = admin.patch("/api/v1/users/" + id, "{\"password\": \"password123\"}");
		assertThat(weak.status()).isEqualTo(400);
		assertThat(weak.errorFields()).containsExactly("password");
		String reset = "a freshly reset password, long enough";
		assertThat(admin.patch("/api/v1/users/" + id, Http.toJson(Map.of("password", reset))).status()).isEqualTo(200);
		assertThat(staff.get("/api/v1/people?limit=1").status()).as("the old password stops at once").isEqualTo(401);
		assertThat(as(user, reset).get("/api/v1/people?limit=1").status()).isEqualTo(200);

		assertThat(admin.get("/api/v1/users/" + id).body()).doesNotContain("argon", "password");
		assertThat(staff.patch("/api/v1/users/" + id, "{\"role\": \"ADMIN\"}").status()).isIn(401, 403);
	}

	/**
	 * What another instance's change is to this one: a row changed in the database. HTTP
	 * Basic does not read the user on every request (a tenth of a search's time), but at
	 * most a second after it was last read.
	 */
	@Test
	void aUserDisabledElsewhereIsRefusedWithinASecond() throws InterruptedException {
		JsonNode user = newUser("VIEWER");
		Http staff = as(user, STAFF_PASSWORD);
		assertThat(staff.get("/api/v1/people?limit=1").status()).isEqualTo(200);

		long disabled = System.nanoTime();
		db.update(APP_USER).set(APP_USER.ENABLED, false).where(APP_USER.ID.eq(user.get("id").asString())).execute();
		int atOnce = staff.get("/api/v1/people?limit=1").status();
		Duration took = Duration.ofNanos(System.nanoTime() - disabled);
		if (took.compareTo(RecentlyReadAccounts.KEPT.dividedBy(2)) < 0) {
			assertThat(atOnce).as("the user as read a moment ago, without a statement").isEqualTo(200);
		}
		Thread.sleep(RecentlyReadAccounts.KEPT.toMillis() + 100);
		assertThat(staff.get("/api/v1/people?limit=1").status()).as("read again after a second").isEqualTo(401);
	}

	@Test
	void theLastEnabledAdminCannotBeDemotedOrDisabled() {
		JsonNode second = newUser("ADMIN");
		assertThat(admin.patch("/api/v1/users/" + second.get("id").asString(), "{\"role\": \"VIEWER\"}").status())
			.isEqualTo(200);
		String adminId = admin.get("/api/v1/me").text("$.id");
		assertThat(admin.patch("/api/v1/users/" + adminId, "{\"enabled\": false}").status()).isEqualTo(409);
		assertThat(admin.patch("/api/v1/users/" + adminId, "{\"role\": \"EDITOR\"}").status()).isEqualTo(409);
		assertThat(admin.get("/api/v1/me").text("$.role")).isEqualTo("ADMIN");
	}

	@Test
	void usersChangeTheirOwnPasswordKnowingTheCurrentOne() {
		JsonNode user = newUser("VIEWER");
		Http staff = as(user, STAFF_PASSWORD);
		assertThat(staff.get("/api/v1/me").text("$.username")).isEqualTo(user.get("username").asString());

		Response wrong = staff.post("/api/v1/me/password", Http
			.toJson(Map.of("currentPassword", "not it at all, sorry", "newPassword", "my own new password 2024")));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.errorFields()).containsExactly("currentPassword");
		Response common = staff.post("/api/v1/me/password",
				Http.toJson(Map.of("currentPassword", STAFF_PASSWORD, "newPassword", "123456789012")));
		assertThat(common.errorFields()).containsExactly("newPassword");

		String mine = "my own new password 2024";
		assertThat(staff
			.post("/api/v1/me/password", Http.toJson(Map.of("currentPassword", STAFF_PASSWORD, "newPassword", mine)))
			.status()).isEqualTo(204);
		assertThat(staff.get("/api/v1/me").status()).isEqualTo(401);
		assertThat(as(user, mine).get("/api/v1/me").status()).isEqualTo(200);
	}

	/** NIST's context-specific words: the service's name and the user's own. */
	@Test
	void aPasswordMadeOfTheUsersOrTheServicesNameIsRefused() {
		String username = unique("jdoe").toLowerCase();
		for (String password : List.of("pressdeskpressdesk", "My Press-Desk password!", username + " is my password",
				username.toUpperCase() + "-2024-secret")) {
			Response refused = admin.post("/api/v1/users",
					Http.toJson(Map.of("username", username, "password", password, "role", "VIEWER")));
			assertThat(refused.status()).as(password).isEqualTo(400);
			assertThat(refused.errorFields()).containsExactly("password");
		}
		assertThat(admin
			.post("/api/v1/users",
					Http.toJson(
							Map.of("username", username, "password", "correct horse battery staple", "role", "VIEWER")))
			.status()).isEqualTo(201);
		Http user = anonymous.as(username, "correct horse battery staple");
		Response own = user.post("/api/v1/me/password", Http
			.toJson(Map.of("currentPassword", "correct horse battery staple", "newPassword", "pressdesk rules, ok?")));
		assertThat(own.status()).isEqualTo(400);
		assertThat(own.errorFields()).containsExactly("newPassword");
	}

	/** Users and API clients were the only lists answered as bare arrays. */
	@Test
	void usersAndApiClientsAreListedLikeEveryOtherList() {
		for (String list : List.of("/api/v1/users", "/api/v1/api-clients")) {
			var page = admin.get(list).json();
			assertThat(page.get("items").isArray()).as(list).isTrue();
			assertThat(page.get("next").isNull()).as(list).isTrue();
		}
		assertThat(admin.get("/api/v1/users").json().get("items").valueStream().map(u -> u.get("username").asString()))
			.contains("admin");
	}

}

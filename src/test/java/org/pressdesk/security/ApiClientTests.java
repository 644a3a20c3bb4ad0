package org.pressdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.pressdesk.ApiTestSupport;
import org.pressdesk.Http;
import org.pressdesk.Http.Response;

class ApiClientTests extends ApiTestSupport {

	private Http withKey(String key) {
		return new Http(anonymous.base(), "Bearer " + key);
	}

	private JsonNode client(String scopes, String more) {
		Response created = admin.post("/api/v1/api-clients",
				"{\"name\": \"" + unique("cms") + "\", \"scopes\": " + scopes + more + "}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json();
	}

	@Test
	void aKeyIsShownOnceStoredAsAHashAndGrantsExactlyItsScopes() {
		JsonNode created = client("[\"people:read\"]", "");
		String key = created.get("key").asString();
		assertThat(key).matches("pd_[0-9a-f]{16}_[A-Za-z0-9_-]{43}");
		assertThat(created.get("keyPrefix").asString()).isEqualTo(key.substring(0, 19));
		String id = created.get("id").asString();
		assertThat(admin.get("/api/v1/api-clients/" + id).json().has("key")).as("never shown again").isFalse();
		assertThat(admin.get("/api/v1/api-clients").body()).doesNotContain(key.substring(20));

		Http cms = withKey(key);
		Response read = cms.get("/api/v1/people?limit=1");
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.header("Set-Cookie")).as("no session for a service").isNull();
		assertThat(cms.post("/api/v1/people", "{\"givenName\": \"No\", \"familyName\": \"Scope\"}").status())
			.isEqualTo(403);
		assertThat(cms.get("/api/v1/articles").status()).isEqualTo(403);
		assertThat(cms.get("/api/v1/people/export").status()).isEqualTo(403);
		assertThat(cms.get("/api/v1/api-clients").status()).isEqualTo(403);
		assertThat(admin.get("/api/v1/api-clients/" + id).json().get("lastUsedAt").isNull()).isFalse();

		assertThat(withKey(key.substring(0, key.length() - 1) + "x").get("/api/v1/people?limit=1").status())
			.isEqualTo(401);
		assertThat(withKey("pd_nonsense").get("/api/v1/people?limit=1").status()).isEqualTo(401);
		assertThat(anonymous.get("/api/v1/people?limit=1&access_token=" + key).status()).as("never from a URL")
			.isEqualTo(401);
	}

	@Test
	void rotationAndRevocationTakeEffectAtOnce() {
		JsonNode created = client("[\"articles:read\", \"articles:write\"]", "");
		String id = created.get("id").asString();
		String oldKey = created.get("key").asString();
		assertThat(withKey(oldKey).get("/api/v1/articles?limit=1").status()).isEqualTo(200);

		Response rotated = admin.post("/api/v1/api-clients/" + id + "/rotate", "");
		assertThat(rotated.status()).isEqualTo(200);
		String newKey = rotated.text("$.key");
		assertThat(newKey).isNotEqualTo(oldKey);
		assertThat(withKey(oldKey).get("/api/v1/articles?limit=1").status()).isEqualTo(401);
		assertThat(withKey(newKey).get("/api/v1/articles?limit=1").status()).isEqualTo(200);

		assertThat(admin.delete("/api/v1/api-clients/" + id).status()).isEqualTo(204);
		assertThat(withKey(newKey).get("/api/v1/articles?limit=1").status()).isEqualTo(401);
		assertThat(admin.get("/api/v1/api-clients/" + id).json().get("revokedAt").isNull()).isFalse();
		assertThat(admin.post("/api/v1/api-clients/" + id + "/rotate", "").status()).as("no new key once revoked")
			.isEqualTo(404);
	}

	@Test
	void anExpiredKeyStopsWorking() throws InterruptedException {
		Instant expiry = Instant.now().plusSeconds(2);
		String key = client("[\"people:read\"]", ", \"expiresAt\": \"" + expiry + "\"").get("key").asString();
		assertThat(withKey(key).get("/api/v1/people?limit=1").status()).isEqualTo(200);
		Thread.sleep(Math.max(0, expiry.toEpochMilli() - System.currentTimeMillis()) + 200);
		assertThat(withKey(key).get("/api/v1/people?limit=1").status()).isEqualTo(401);
	}

	@Test
	void onlyAdminsManageClientsAndBadRequestsNameTheField() {
		assertThat(editor.get("/api/v1/api-clients").status()).isEqualTo(403);
		assertThat(editor.post("/api/v1/api-clients", "{\"name\": \"x\", \"scopes\": [\"export\"]}").status())
			.isEqualTo(403);
		Response bad = admin.post("/api/v1/api-clients",
				"{\"name\": \"\", \"scopes\": [\"people:read\", \"everything\"], \"expiresAt\": \"2001-01-01T00:00:00Z\"}");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.errorFields()).containsExactlyInAnyOrder("name", "scopes[1]", "expiresAt");
	}

}

package org.pressdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.pressdesk.ApiTestSupport;
import org.pressdesk.Http;

class AuditTrailTests extends ApiTestSupport {

	private List<JsonNode> events(String query) {
		Http.Response response = admin.get("/api/v1/audit?limit=100&" + query);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().get("items").valueStream().toList();
	}

	@Test
	void eachChangeIsRecordedOnceWithWhoWhatWhenAndWhereButNoValues() {
		String family = unique("Audited");
		String id = editor.post("/api/v1/people", "{\"givenName\": \"Ann\", \"familyName\": \"" + family + "\"}")
			.text("$.id");
		editor.patch("/api/v1/people/" + id, "{\"givenName\": \"Anne\", \"phones\": [{\"value\": \"01223 765432\"}]}");
		assertThat(editor.patch("/api/v1/people/" + id, "{\"phones\": [{\"value\": \"not a phone\"}]}").status())
			.isEqualTo(400);
		editor.delete("/api/v1/people/" + id);

		List<JsonNode> events = events("entity=person&entityId=" + id);
		assertThat(events.stream().map(e -> e.get("action").asString())).as("newest first; the refused patch left none")
			.containsExactly("DELETED", "UPDATED", "CREATED");
		JsonNode updated = events.get(1);
		assertThat(updated.get("actor").asString()).isEqualTo("test-editor");
		assertThat(updated.get("clientAddress").asString()).isEqualTo("127.0.0.1");
		assertThat(updated.get("at").asString()).endsWith("Z");
		assertThat(updated.get("changedFields").valueStream().map(JsonNode::asString)).containsExactly("givenName",
				"phones");
		assertThat(admin.get("/api/v1/audit?limit=100&entityId=" + id).body()).as("names of fields, never values")
			.doesNotContain("Anne", "765432");
	}

	@Test
	void everyKindOfRecordIsAuditedOncePerChange() {
		String org = editor.post("/api/v1/organisations", "{\"name\": \"" + unique("Audited Org") + "\"}").text("$.id");
		editor.patch("/api/v1/organisations/" + org, "{\"country\": \"gb\"}");
		String person = editor.post("/api/v1/people", "{\"familyName\": \"" + unique("Audited") + "\"}").text("$.id");
		String affiliation = editor
			.post("/api/v1/people/" + person + "/affiliations",
					"{\"organisationId\": \"" + org + "\", \"title\": \"Press Officer\"}")
			.text("$.id");
		editor.patch("/api/v1/people/" + person + "/affiliations/" + affiliation, "{\"title\": \"Head of Press\"}");
		String article = editor.post("/api/v1/articles", "{\"title\": \"" + unique("Audited article") + "\"}")
			.text("$.id");
		editor.send("PUT", "/api/v1/articles/" + article + "/contacts", "application/json",
				"[{\"personId\": \"" + person + "\", \"role\": \"PRESS_CONTACT\"}]");
		editor.patch("/api/v1/articles/" + article, "{\"status\": \"PUBLISHED\"}");
		editor.delete("/api/v1/people/" + person + "/affiliations/" + affiliation);
		editor.delete("/api/v1/articles/" + article);
		String user = admin
			.post("/api/v1/users", Http.toJson(
					Map.of("username", unique("audited").toLowerCase(), "password", STAFF_PASSWORD, "role", "VIEWER")))
			.createdId();
		admin.patch("/api/v1/users/" + user, "{\"role\": \"EDITOR\"}");
		String client = admin
			.post("/api/v1/api-clients", "{\"name\": \"" + unique("audited") + "\", \"scopes\": [\"export\"]}")
			.text("$.id");
		admin.post("/api/v1/api-clients/" + client + "/rotate", "");
		admin.delete("/api/v1/api-clients/" + client);

		assertThat(actions("organisation", org)).containsExactly("UPDATED", "CREATED");
		assertThat(events("entity=organisation&entityId=" + org).get(0)
			.get("changedFields")
			.valueStream()
			.map(JsonNode::asString)).containsExactly("country");
		assertThat(actions("affiliation", affiliation)).containsExactly("DELETED", "UPDATED", "CREATED");
		assertThat(actions("article", article)).containsExactly("DELETED", "UPDATED", "UPDATED", "CREATED");
		assertThat(events("entity=article&entityId=" + article).get(1)
			.get("changedFields")
			.valueStream()
			.map(JsonNode::asString)).containsExactly("publishedAt", "status");
		assertThat(actions("user", user)).containsExactly("UPDATED", "CREATED");
		assertThat(actions("api-client", client)).containsExactly("REVOKED", "KEY_ROTATED", "CREATED");
		assertThat(events("entity=api-client&entityId=" + client).get(2).get("actor").asString()).isEqualTo("admin");
	}

	private List<String> actions(String entity, String id) {
		return events("entity=" + entity + "&entityId=" + id).stream().map(e -> e.get("action").asString()).toList();
	}

	@Test
	void loginsRefusalsExportsAndImportsAreRecorded() {
		String username = unique("auditor").toLowerCase();
		Http auditor = staff(username, "VIEWER");
		auditor.get("/api/v1/people?limit=1");
		auditor.get("/api/v1/people?limit=1");
		assertThat(events("actor=" + username + "&action=LOGIN_SUCCEEDED")).as("a password checked once is one login")
			.hasSize(1);

		anonymous.as(username, "not the password at all").get("/api/v1/people?limit=1");
		assertThat(events("actor=" + username + "&action=LOGIN_FAILED")).hasSize(1);

		assertThat(auditor.post("/api/v1/people", "{\"familyName\": \"Nope\"}").status()).isEqualTo(403);
		List<JsonNode> denied = events("actor=" + username + "&action=ACCESS_DENIED");
		assertThat(denied).hasSize(1);
		assertThat(denied.get(0).get("detail").asString()).isEqualTo("POST /api/v1/people");

		auditor.get("/api/v1/people/export?format=csv&q=" + username);
		List<JsonNode> exports = events("actor=" + username + "&action=EXPORTED");
		assertThat(exports).hasSize(1);
		assertThat(exports.get(0).get("detail").asString()).contains("format=csv", "q=" + username);

		String card = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:" + username + ";Imported;;;\r\nFN:Imported " + username
				+ "\r\nEND:VCARD\r\n";
		editor.send("POST", "/api/v1/imports?dryRun=true", "text/vcard", card);
		editor.send("POST", "/api/v1/imports?dryRun=false", "text/vcard", card);
		List<JsonNode> imports = events("actor=test-editor&action=IMPORTED&limit=2");
		assertThat(imports.get(0).get("detail").asString()).startsWith("1 created");
		assertThat(imports.get(1).get("detail").asString()).startsWith("dry run: 1 created");
	}

	@Test
	void theTrailIsForAdminsAndCannotBeChangedThroughTheApi() {
		assertThat(editor.get("/api/v1/audit").status()).isEqualTo(403);
		assertThat(viewer.get("/api/v1/audit").status()).isEqualTo(403);
		assertThat(anonymous.get("/api/v1/audit").status()).isEqualTo(401);
		List<String> before = events("").stream().limit(10).map(e -> e.get("id").asString()).toList();
		assertThat(admin.delete("/api/v1/audit").status()).isIn(403, 405);
		assertThat(admin.post("/api/v1/audit", "{}").status()).isIn(403, 405);
		assertThat(admin.send("PUT", "/api/v1/audit", "application/json", "{}").status()).isIn(403, 405);
		assertThat(before).isNotEmpty();
		assertThat(events("").stream().map(e -> e.get("id").asString())).as("every entry still there")
			.containsAll(before);
		assertThat(admin.get("/api/v1/audit?since=yesterday").status()).isEqualTo(400);
	}

}

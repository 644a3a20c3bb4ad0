package org.pressdesk.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.pressdesk.ApiTestSupport;
import org.pressdesk.Http;
import org.pressdesk.Http.Response;

class PersonApiTests extends ApiTestSupport {

	private static final String JANE = """
			{ "honorificPrefix": "Dr", "givenName": "Jane", "familyName": "Example-Núñez",
			  "linkedinUrl": "uk.linkedin.com/in/Jane-Example/?trk=public_profile",
			  "emails": [ { "value": "jane@example.ac.uk", "label": "work", "visibility": "PUBLIC" } ],
			  "phones": [ { "value": "+44 (0) 1223 000000", "label": "work", "visibility": "PUBLIC" },
			              { "value": "07700 900123", "kind": "MOBILE", "primary": true } ],
			  "topics": ["industrial policy", "Industrial Policy", "materials"],
			  "notes": "internal only\\nsecond line", "lawfulBasis": "LEGITIMATE_INTEREST", "source": "press release 2024-10" }
			""";

	@Test
	void createsAPersonWithNormalisedContactPointsAndReadsItBack() {
		Response created = editor.post("/api/v1/people", JANE);

		assertThat(created.status()).isEqualTo(201);
		JsonNode person = created.json();
		String id = person.get("id").asString();
		assertThat(id).matches("[0-9a-f-]{36}");
		assertThat(created.header("Location")).isEqualTo("/api/v1/people/" + id);
		assertThat(created.header("ETag")).isEqualTo("\"1\"");
		assertThat(person.get("displayName").asString()).isEqualTo("Dr Jane Example-Núñez");
		assertThat(person.get("nameOrder").asString()).isEqualTo("GIVEN_FIRST");
		assertThat(person.get("linkedinUrl").asString()).isEqualTo("https://www.linkedin.com/in/jane-example");
		assertThat(person.get("phones").get(0).get("value").asString()).isEqualTo("+441223000000");
		assertThat(person.get("phones").get(0).get("primary").asBoolean()).isFalse();
		assertThat(person.get("phones").get(1).get("value").asString()).isEqualTo("+447700900123");
		assertThat(person.get("phones").get(1).get("kind").asString()).isEqualTo("MOBILE");
		assertThat(person.get("phones").get(1).get("primary").asBoolean()).isTrue();
		assertThat(person.get("phones").get(1).get("visibility").asString())
			.as("contact points are internal unless marked public")
			.isEqualTo("INTERNAL");
		assertThat(person.get("emails").get(0).get("primary").asBoolean()).as("the only email is primary").isTrue();
		assertThat(person.get("topics").valueStream().map(JsonNode::asString)).containsExactly("industrial policy",
				"materials");
		assertThat(person.get("notes").asString()).isEqualTo("internal only\nsecond line");
		assertThat(person.get("version").asInt()).isEqualTo(1);

		Response read = viewer.get("/api/v1/people/" + id);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.header("ETag")).isEqualTo("\"1\"");
		assertThat(read.json()).isEqualTo(person);
		assertThat(read.header("Cache-Control")).contains("no-store");
	}

	@Test
	void answersAConditionalReadWithNotModified() {
		String id = editor.post("/api/v1/people", JANE).createdId();

		assertThat(viewer.get("/api/v1/people/" + id, "If-None-Match", "\"1\"").status()).isEqualTo(304);
		assertThat(viewer.get("/api/v1/people/" + id, "If-None-Match", "\"7\"").status()).isEqualTo(200);
	}

	@Test
	void mergePatchChangesOnlyWhatItNamesAndNullRemoves() {
		String id = editor.post("/api/v1/people", JANE).createdId();

		Response patched = editor.patch("/api/v1/people/" + id,
				"{\"givenName\": \"Janet\", \"notes\": null, \"topics\": [\"trade\"]}", "If-Match", "\"1\"");

		assertThat(patched.status()).isEqualTo(200);
		assertThat(patched.header("ETag")).isEqualTo("\"2\"");
		JsonNode person = patched.json();
		assertThat(person.get("givenName").asString()).isEqualTo("Janet");
		assertThat(person.get("displayName").asString()).as("derived names follow the parts")
			.isEqualTo("Dr Janet Example-Núñez");
		assertThat(person.get("notes").isNull()).isTrue();
		assertThat(person.get("topics").valueStream().map(JsonNode::asString)).containsExactly("trade");
		assertThat(person.get("phones")).hasSize(2);
		assertThat(person.get("familyName").asString()).isEqualTo("Example-Núñez");
		assertThat(viewer.get("/api/v1/people/" + id).json()).isEqualTo(person);
	}

	@Test
	void aStaleIfMatchIsRefusedAndChangesNothing() {
		String id = editor.post("/api/v1/people", JANE).createdId();
		editor.patch("/api/v1/people/" + id, "{\"givenName\": \"Janet\"}", "If-Match", "\"1\"");

		Response stale = editor.patch("/api/v1/people/" + id, "{\"givenName\": \"Joan\"}", "If-Match", "\"1\"");
		Response staleDelete = editor.delete("/api/v1/people/" + id, "If-Match", "\"1\"");

		assertThat(stale.status()).isEqualTo(412);
		assertThat(stale.header("Content-Type")).startsWith("application/problem+json");
		assertThat(staleDelete.status()).isEqualTo(412);
		JsonNode person = viewer.get("/api/v1/people/" + id).json();
		assertThat(person.get("givenName").asString()).isEqualTo("Janet");
		assertThat(person.get("version").asInt()).isEqualTo(2);
	}

	@Test
	void deletesAPerson() {
		String id = editor.post("/api/v1/people", JANE).createdId();

		assertThat(editor.delete("/api/v1/people/" + id, "If-Match", "\"1\"").status()).isEqualTo(204);
		assertThat(viewer.get("/api/v1/people/" + id).status()).isEqualTo(404);
		assertThat(editor.delete("/api/v1/people/" + id).status()).isEqualTo(404);
	}

	@Test
	void namesEveryBadFieldOfACreate() {
		Response response = editor.post("/api/v1/people", """
				{ "givenName": "Jane",
				  "emails": [ { "value": "jane@example.ac.uk" }, { "value": "not an address" } ],
				  "phones": [ { "value": "" } ] }
				""");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.text("$.type")).isNotBlank();
		assertThat(response.text("$.title")).isNotBlank();
		assertThat(response.errorFields()).containsExactly("emails[1].value", "phones[0].value");
	}

	@Test
	void namesTheFieldOfAnImpossiblePhoneABadLinkedInLinkAndAMissingName() {
		Response response = editor.post("/api/v1/people", """
				{ "phones": [ { "value": "+44 12" }, { "value": "+1 650 253 0000" } ],
				  "linkedinUrl": "https://www.example.com/in/jane" }
				""");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorFields()).containsExactlyInAnyOrder("familyName", "phones[0].value", "linkedinUrl");
	}

	@Test
	void reportsBadFieldsOfEveryKindInOneAnswer() {
		Response response = editor.post("/api/v1/people", """
				{ "givenName": "Jane", "honorificPrefix": "%s", "pronouns": "%s", "topics": ["ok", null],
				  "emails": [ { "value": "not an address" } ],
				  "phones": [ { "value": "+44 12" } ],
				  "linkedinUrl": "https://www.example.com/in/jane" }
				""".formatted("x".repeat(101), "x".repeat(61)));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorFields()).containsExactlyInAnyOrder("honorificPrefix", "emails[0].value", "pronouns",
				"topics[1]", "phones[0].value", "linkedinUrl");
	}

	@Test
	void refusesUnknownAndReadOnlyFieldsByName() {
		Response unknown = editor.post("/api/v1/people", "{\"givenName\": \"Jane\", \"shoeSize\": 42}");
		String id = editor.post("/api/v1/people", JANE).createdId();
		Response readOnly = editor.patch("/api/v1/people/" + id, "{\"version\": 9}");
		Response badEnum = editor.patch("/api/v1/people/" + id, "{\"nameOrder\": \"SIDEWAYS\"}");

		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.errorFields()).containsExactly("shoeSize");
		assertThat(readOnly.status()).isEqualTo(400);
		assertThat(readOnly.errorFields()).containsExactly("version");
		assertThat(badEnum.status()).isEqualTo(400);
		assertThat(badEnum.errorFields()).containsExactly("nameOrder");
		assertThat(badEnum.text("$.errors[0].message")).contains("FAMILY_FIRST");
		assertThat(viewer.get("/api/v1/people/" + id).number("$.version")).isEqualTo(1);
	}

	@Test
	void refusesTwoPrimaryPhonesAndMalformedJson() {
		Response twoPrimaries = editor.post("/api/v1/people", """
				{ "givenName": "Jane", "phones": [ { "value": "+441223000000", "primary": true },
				                                   { "value": "+441223000001", "primary": true } ] }
				""");
		Response malformed = editor.post("/api/v1/people", "{\"givenName\": ");

		assertThat(twoPrimaries.status()).isEqualTo(400);
		assertThat(twoPrimaries.errorFields()).containsExactly("phones");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.body()).doesNotContain("Exception").doesNotContain("at org.");
	}

	@Test
	void familyFirstNamesAreDisplayedFamilyFirst() {
		JsonNode person = editor.post("/api/v1/people", """
				{ "givenName": "花子", "familyName": "山田", "nameOrder": "FAMILY_FIRST",
				  "phoneticGivenName": "Hanako", "phoneticFamilyName": "Yamada" }
				""").json();

		assertThat(person.get("displayName").asString()).isEqualTo("山田 花子");
	}

	@Test
	void keepsAffiliationsWithTheirHistoryAndOnePrimary() {
		String organisationId = editor
			.post("/api/v1/organisations", Http.toJson(Map.of("name", unique("Institute "), "kind", "UNIVERSITY")))
			.createdId();
		String otherId = editor.post("/api/v1/organisations", Http.toJson(Map.of("name", unique("Ministry "))))
			.createdId();
		String id = editor.post("/api/v1/people", JANE).createdId();

		Response first = editor.post("/api/v1/people/" + id + "/affiliations",
				"""
						{ "organisationId": "%s", "title": "Chair", "startDate": "2019-01-01", "endDate": "2021-12-31", "primary": true }
						"""
					.formatted(organisationId),
				"If-Match", "\"1\"");
		Response second = editor.post("/api/v1/people/" + id + "/affiliations", """
				{ "organisationId": "%s", "title": "National Technology Adviser", "department": "Science",
				  "startDate": "2022-01-01", "primary": true }
				""".formatted(otherId));

		assertThat(first.status()).isEqualTo(201);
		assertThat(first.header("ETag")).isEqualTo("\"2\"");
		assertThat(second.status()).isEqualTo(201);
		String secondId = second.text("$.id");
		assertThat(second.header("Location")).isEqualTo("/api/v1/people/" + id + "/affiliations/" + secondId);
		Response readBack = viewer.get(second.header("Location"));
		assertThat(readBack.status()).isEqualTo(200);
		assertThat(readBack.json()).isEqualTo(second.json());
		assertThat(readBack.header("ETag")).isEqualTo("\"3\"");
		JsonNode affiliations = viewer.get("/api/v1/people/" + id).json().get("affiliations");
		assertThat(affiliations).hasSize(2);
		assertThat(affiliations.get(0).get("title").asString()).as("the current one first")
			.isEqualTo("National Technology Adviser");
		assertThat(affiliations.get(0).get("primary").asBoolean()).isTrue();
		assertThat(affiliations.get(0).get("organisationName").asString()).startsWith("Ministry ");
		assertThat(affiliations.get(1).get("primary").asBoolean()).as("only one primary").isFalse();
		assertThat(affiliations.get(1).get("endDate").asString()).isEqualTo("2021-12-31");

		Response patched = editor.patch("/api/v1/people/" + id + "/affiliations/" + secondId,
				"{\"title\": \"Chief Adviser\", \"department\": null}");
		assertThat(patched.status()).isEqualTo(200);
		assertThat(patched.text("$.title")).isEqualTo("Chief Adviser");
		assertThat(patched.json().get("department").isNull()).isTrue();

		Response badDates = editor.patch("/api/v1/people/" + id + "/affiliations/" + secondId,
				"{\"endDate\": \"2000-01-01\"}");
		Response unknownOrganisation = editor.post("/api/v1/people/" + id + "/affiliations",
				"{\"organisationId\": \"no-such-organisation\"}");
		assertThat(badDates.status()).isEqualTo(400);
		assertThat(badDates.errorFields()).containsExactly("endDate");
		assertThat(unknownOrganisation.status()).isEqualTo(400);
		assertThat(unknownOrganisation.errorFields()).containsExactly("organisationId");

		assertThat(editor.delete("/api/v1/people/" + id + "/affiliations/" + secondId).status()).isEqualTo(204);
		JsonNode after = viewer.get("/api/v1/people/" + id).json();
		assertThat(after.get("affiliations")).hasSize(1);
		assertThat(after.get("version").asInt()).isEqualTo(5);
	}

	@Test
	void unknownPeopleAreNotFound() {
		Response response = viewer.get("/api/v1/people/00000000-0000-0000-0000-000000000000");

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(editor.patch("/api/v1/people/nope", "{}").status()).isEqualTo(404);
	}

	@Test
	void listsAreCappedAtAHundred() {
		assertThat(viewer.get("/api/v1/people?limit=101").errorFields()).containsExactly("limit");
		assertThat(viewer.get("/api/v1/people?cursor=garbage!").errorFields()).containsExactly("cursor");
		assertThat(viewer.get("/api/v1/people?limit=100").status()).isEqualTo(200);
	}

}

package org.pressdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.pressdesk.ApiTestSupport;
import org.pressdesk.Http.Response;

/**
 * A body with several problems is refused once, naming every bad field by its path from
 * the body and saying what was expected, whether Jackson could not read a field, a
 * constraint is broken, or a person it names does not exist.
 */
class EveryProblemAtOnceTests extends ApiTestSupport {

	private static final String NO_SUCH_PERSON = "00000000-0000-4000-8000-000000000000";

	@Test
	void anUnknownFieldABadStatusAndADateInTheWrongFormAreToldTogether() {
		Response refused = editor.post("/api/v1/articles", """
				{ "title": "Three problems", "bogus": 1, "status": "NOPE", "publishedAt": "16/10/2024" }
				""");
		Map<String, String> problems = problems(refused);
		assertThat(problems).as(refused.body()).containsOnlyKeys("bogus", "status", "publishedAt");
		assertThat(problems.get("bogus")).as("the fields of the article, not only those of its wrapper")
			.contains("title", "publishedAt", "contacts");
		assertThat(problems.get("status")).contains("DRAFT, PUBLISHED, ARCHIVED");
		assertThat(problems.get("publishedAt")).contains("2024-10-16T09:00:00Z");
	}

	@Test
	void anUnknownPersonInABlockIsToldWithTheArticlesOtherProblems() {
		Response refused = editor.post("/api/v1/articles", """
				{ "title": "", "contacts": [ { "personId": "%s", "role": "PRESS_CONTACT" },
				                             { "personId": "%s", "role": "BAD" } ] }
				""".formatted(NO_SUCH_PERSON, NO_SUCH_PERSON));
		assertThat(problems(refused)).as(refused.body())
			.containsOnlyKeys("title", "contacts[0].personId", "contacts[1].personId", "contacts[1].role");
	}

	@Test
	void aBlockSentAloneNamesItsFieldsAsInAnArticle() {
		String article = editor.post("/api/v1/articles", "{\"title\": \"" + unique("Block alone") + "\"}").createdId();
		Response refused = editor.send("PUT", "/api/v1/articles/" + article + "/contacts", "application/json", """
				[ { "personId": "%s", "role": "BAD" }, { "role": "SPOKESPERSON", "bogus": true } ]
				""".formatted(NO_SUCH_PERSON));
		assertThat(problems(refused)).as(refused.body())
			.containsOnlyKeys("contacts[0].role", "contacts[0].personId", "contacts[1].bogus", "contacts[1].personId");
	}

	@Test
	void aPatchWithSeveralProblemsNamesEachAndChangesNothing() {
		String person = editor.post("/api/v1/people", "{\"givenName\": \"Pat\", \"familyName\": \"Several\"}")
			.createdId();
		Response refused = editor.send("PATCH", "/api/v1/people/" + person, "application/merge-patch+json", """
				{ "lawfulBasis": "NOPE", "emails": [ { "value": "not an address" } ], "bogus": 1,
				  "phones": [ { "value": "123" } ] }
				""");
		assertThat(problems(refused)).as(refused.body())
			.containsOnlyKeys("lawfulBasis", "emails[0].value", "bogus", "phones[0].value");
		assertThat(viewer.get("/api/v1/people/" + person).number("$.version")).isEqualTo(1);
	}

	/** Each bad field and what is wrong with it. */
	private static Map<String, String> problems(Response refused) {
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		Map<String, String> problems = new LinkedHashMap<>();
		List<Map<String, String>> errors = refused.at("$.errors");
		errors.forEach(error -> problems.put(error.get("field"), error.get("message")));
		return problems;
	}

}

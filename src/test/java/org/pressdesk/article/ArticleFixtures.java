package org.pressdesk.article;

import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.pressdesk.Http;
import org.pressdesk.text.LinkedIn;

/** People, organisations and articles made through the API for the article tests. */
public record ArticleFixtures(Http editor, String tag) {

	public String organisation(String name, String parentId) {
		return editor
			.post("/api/v1/organisations",
					Http.toJson(parentId == null ? Map.of("name", name) : Map.of("name", name, "parentId", parentId)))
			.createdId();
	}

	/**
	 * A person with a PUBLIC and an INTERNAL phone and email, a LinkedIn profile and one
	 * affiliation. The phone numbers are random, so that no other test's person shares
	 * them.
	 */
	public JsonNode person(String given, String family, String organisationId, String title) {
		String handle = handle(given);
		var random = java.util.concurrent.ThreadLocalRandom.current();
		String publicPhone = String.format("01223 %06d", random.nextInt(1_000_000));
		String internalPhone = String.format("07700 9%05d", random.nextInt(100_000));
		String id = editor.post("/api/v1/people", """
				{ "givenName": "%s", "familyName": "%s", "linkedinUrl": "linkedin.com/in/%s",
				  "emails": [ { "value": "%s@press.example.org", "visibility": "PUBLIC" },
				              { "value": "%s.private@example.org", "visibility": "INTERNAL" } ],
				  "phones": [ { "value": "%s", "visibility": "PUBLIC" },
				              { "value": "%s", "kind": "MOBILE", "visibility": "INTERNAL" } ] }
				""".formatted(given, family, handle, handle, handle, publicPhone, internalPhone)).text("$.id");
		var added = editor.post("/api/v1/people/" + id + "/affiliations",
				Http.toJson(Map.of("organisationId", organisationId, "title", title, "primary", true)));
		if (added.status() != 201) {
			throw new IllegalStateException("affiliation not added: " + added);
		}
		return editor.get("/api/v1/people/" + id).json();
	}

	/** The ASCII word the person's LinkedIn handle and email addresses are made of. */
	String handle(String given) {
		return tag.toLowerCase() + given.toLowerCase().replaceAll("[^a-z]", "");
	}

	Http.Response putByRef(String ref, String body) {
		return editor.send("PUT", "/api/v1/articles/by-ref/" + ref, "application/json", body);
	}

	public Http.Response putContacts(String articleId, String body, String... headers) {
		return editor.send("PUT", "/api/v1/articles/" + articleId + "/contacts", "application/json", body, headers);
	}

}

package org.pressdesk;

import java.util.List;
import java.util.Map;

/**
 * The seed's case, made through the API in one call, for any test that needs a directory
 * like a press office's: the University of Cambridge › Institute for Manufacturing ›
 * Cambridge Industrial Innovation Policy, and the Babbage Policy Forum under the
 * University; Dr Carlos López-Gómez, Professor Sir Mike Gregory and Takahiro Ueyama 上山 隆大
 * (read うえやま たかひろ, family name first); a published article with López-Gómez as press
 * contact and Gregory as spokesperson. Every name ends in the tag, so that tests sharing
 * the database find their own.
 *
 * @param tag the word every name and address of this directory carries
 */
public record SeedDirectory(String tag, String university, String institute, String policyUnit, String forum,
		String lopezGomez, String gregory, String ueyama, String articleId, String slug) {

	/**
	 * Makes the directory as {@code editor}; {@code tag} should be unique to the test.
	 */
	public static SeedDirectory create(Http editor, String tag) {
		String university = organisation(editor, "University of Cambridge " + tag, null);
		String institute = organisation(editor, "Institute for Manufacturing " + tag, university);
		String policyUnit = organisation(editor, "Cambridge Industrial Innovation Policy " + tag, institute);
		String forum = organisation(editor, "Babbage Policy Forum " + tag, university);
		String mail = tag.toLowerCase();
		String lopezGomez = person(editor, Map.of("honorificPrefix", "Dr", "givenName", "Carlos", "familyName",
				"López-Gómez " + tag, "linkedinUrl", "https://www.linkedin.com/in/carlos-" + mail, "emails",
				List.of(Map.of("value", "carlos." + mail + "@ifm.example.ac.uk", "visibility", "PUBLIC")), "phones",
				List.of(Map.of("value", "+44 1223 764657", "visibility", "PUBLIC"),
						Map.of("value", "07700 900123", "kind", "MOBILE", "visibility", "INTERNAL"))),
				policyUnit, "Head of Policy Links");
		String gregory = person(editor,
				Map.of("honorificPrefix", "Professor Sir", "givenName", "Mike", "familyName", "Gregory " + tag,
						"emails",
						List.of(Map.of("value", "mike." + mail + "@ifm.example.ac.uk", "visibility", "PUBLIC"))),
				forum, "Chair");
		String ueyama = person(editor,
				Map.of("givenName", "隆大", "familyName", "上山", "nameOrder", "FAMILY_FIRST", "phoneticGivenName", "たかひろ",
						"phoneticFamilyName", "うえやま", "source", tag, "emails",
						List.of(Map.of("value", "ueyama." + mail + "@example.go.jp", "visibility", "PUBLIC"))),
				institute, "Visiting Fellow");
		Http.Response article = editor.send("PUT", "/api/v1/articles/by-ref/seed-" + mail, "application/json",
				Http.toJson(Map.of("title", "Strengthening ties " + tag, "status", "PUBLISHED")));
		String articleId = article.at("$.id");
		editor.send("PUT", "/api/v1/articles/" + articleId + "/contacts", "application/json",
				Http.toJson(List.of(Map.of("personId", lopezGomez, "role", "PRESS_CONTACT"),
						Map.of("personId", gregory, "role", "SPOKESPERSON"))));
		return new SeedDirectory(tag, university, institute, policyUnit, forum, lopezGomez, gregory, ueyama, articleId,
				article.at("$.slug"));
	}

	private static String organisation(Http editor, String name, String parentId) {
		Http.Response created = editor.post("/api/v1/organisations",
				Http.toJson(parentId == null ? Map.of("name", name) : Map.of("name", name, "parentId", parentId)));
		return created(created);
	}

	private static String person(Http editor, Map<String, Object> person, String organisationId, String title) {
		String id = created(editor.post("/api/v1/people", Http.toJson(person)));
		created(editor.post("/api/v1/people/" + id + "/affiliations",
				Http.toJson(Map.of("organisationId", organisationId, "title", title, "primary", true))));
		return id;
	}

	private static String created(Http.Response response) {
		if (response.status() != 201) {
			throw new IllegalStateException("the seed directory could not be made: " + response);
		}
		return response.at("$.id");
	}

}

package org.pressdesk.duplicate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import org.pressdesk.ApiTestSupport;
import org.pressdesk.Http;
import org.pressdesk.Http.Response;

/**
 * Pairs of people who may be one, as the API lists them: each reason found, identifiers
 * above names, and a dismissal that sticks until something new links the pair.
 */
class DuplicateSuggestionsTests extends ApiTestSupport {

	@Test
	void eachKindOfLinkIsFoundAndSaid() {
		Tag tag = tag();
		String sameEmail = person("Ada", "Emailson" + tag.letters(),
				"\"emails\": [{\"value\": \"ada." + tag.letters() + "@example.org\"}]");
		String sameEmailOtherCase = person("Adelaide", "Otherson" + tag.letters(),
				"\"emails\": [{\"value\": \"ADA." + tag.letters().toUpperCase() + "@Example.org\"}]");
		String samePhone = person("Bo", "Phoneson" + tag.letters(),
				"\"phones\": [{\"value\": \"+44 1632 960" + tag.digits() + "\"}]");
		String samePhoneNationally = person("Bob", "Dialson" + tag.letters(),
				"\"phones\": [{\"value\": \"01632 960" + tag.digits() + "\"}]");
		String sameProfile = person("Cy", "Linkson" + tag.letters(),
				"\"linkedinUrl\": \"linkedin.com/in/cy-" + tag.letters() + "\"");
		String sameProfileWritten = person("Cyrus", "Profileson" + tag.letters(),
				"\"linkedinUrl\": \"https://www.linkedin.com/in/cy-" + tag.letters() + "/\"");
		String accented = person("Zebulón", "Quáxley-" + tag.letters(), "");
		String plain = person("Dr zebulon", "quaxley " + tag.letters(), "");
		String spelt = person("Jon", "Smyth" + tag.letters(), "");
		String alike = person("John", "Smith" + tag.letters(), "");

		assertThat(reasonKinds(sameEmail, sameEmailOtherCase)).contains("SAME_EMAIL");
		assertThat(reasonKinds(samePhone, samePhoneNationally)).contains("SAME_PHONE");
		assertThat(reasonKinds(sameProfile, sameProfileWritten)).contains("SAME_LINKEDIN");
		assertThat(reasonKinds(accented, plain)).containsExactly("SAME_NAME");
		assertThat(reasonKinds(spelt, alike)).containsExactly("SIMILAR_NAME");
	}

	@Test
	void namesakesAtTwoOrganisationsRankBelowAPairThatSharesAnEmail() {
		Tag tag = tag();
		String namesake = person("Maria", "Namesake" + tag.letters(), "");
		String otherNamesake = person("Maria", "Namesake" + tag.letters(), "");
		affiliate(namesake, organisation("Namesake University " + tag.letters()));
		affiliate(otherNamesake, organisation("Namesake Institute " + tag.letters()));
		String withEmail = person("Ina", "Mailer" + tag.letters(),
				"\"emails\": [{\"value\": \"ina." + tag.letters() + "@example.org\"}]");
		String sameEmail = person("Ines", "Postman" + tag.letters(),
				"\"emails\": [{\"value\": \"ina." + tag.letters() + "@example.org\"}]");

		double byName = suggestion(namesake, otherNamesake).orElseThrow().get("score").asDouble();
		double byEmail = suggestion(withEmail, sameEmail).orElseThrow().get("score").asDouble();
		assertThat(byName).isLessThanOrEqualTo(Duplicates.MOST_FOR_A_NAME).isLessThan(byEmail);
		assertThat(byEmail).isGreaterThanOrEqualTo(0.9);
		assertThat(positionOf(withEmail, sameEmail)).isLessThan(positionOf(namesake, otherNamesake));
	}

	@Test
	void namesakesInOneOrganisationsTreeAreLikelierThanNamesakesApart() {
		Tag tag = tag();
		String university = organisation("Tree University " + tag.letters());
		String institute = editor
			.post("/api/v1/organisations",
					Http.toJson(Map.of("name", "Tree Institute " + tag.letters(), "parentId", university)))
			.createdId();
		String school = editor
			.post("/api/v1/organisations",
					Http.toJson(Map.of("name", "Tree School " + tag.letters(), "parentId", university)))
			.createdId();
		String one = person("Rowan", "Treeson" + tag.letters(), "");
		String other = person("Rowan", "Treeson" + tag.letters(), "");
		affiliate(one, institute);
		affiliate(other, school);
		String apart = person("Rowan", "Treeson" + tag.letters(), "");
		affiliate(apart, organisation("Elsewhere " + tag.letters()));

		JsonNode related = suggestion(one, other).orElseThrow();
		assertThat(reasonKinds(one, other)).containsExactly("SAME_NAME", "RELATED_ORGANISATION");
		assertThat(related.get("reasons").get(1).get("value").asString()).isEqualTo("Tree University " + tag.letters());
		assertThat(related.get("score").asDouble())
			.isGreaterThan(suggestion(one, apart).orElseThrow().get("score").asDouble())
			.isLessThanOrEqualTo(Duplicates.MOST_FOR_A_NAME);
	}

	@Test
	void aDismissedPairStaysAwayUntilSomethingNewLinksIt() {
		Tag tag = tag();
		String one = person("Uma", "Twofold" + tag.letters(),
				"\"emails\": [{\"value\": \"uma." + tag.letters() + "@example.org\"}]");
		String other = person("Ulla", "Different" + tag.letters(),
				"\"emails\": [{\"value\": \"uma." + tag.letters() + "@example.org\"}]");
		String id = suggestion(one, other).orElseThrow().get("id").asString();

		assertThat(viewer.post("/api/v1/duplicates/" + id + "/dismiss", "").status()).isEqualTo(403);
		assertThat(editor.post("/api/v1/duplicates/" + id + "/dismiss", "").status()).isEqualTo(204);
		assertThat(suggestion(one, other)).as("dismissed").isEmpty();
		assertThat(admin.get("/api/v1/audit?entity=duplicate&entityId=" + id).<List<String>>at("$.items[*].action"))
			.containsExactly("DISMISSED");

		String phone = "\"phones\": [{\"value\": \"+44 1632 961" + tag.digits() + "\"}]";
		editor.patch("/api/v1/people/" + one, "{" + phone + "}");
		assertThat(suggestion(one, other)).as("an edit that links them no further").isEmpty();
		editor.patch("/api/v1/people/" + other, "{" + phone + "}");
		assertThat(suggestion(one, other)).as("a new shared phone").isPresent();
		assertThat(reasonKinds(one, other)).contains("SAME_EMAIL", "SAME_PHONE");
	}

	@Test
	void aNewPersonWhoMayBeSomeoneAlreadyThereIsToldSo() {
		Tag tag = tag();
		String there = person("Vera", "Already" + tag.letters(),
				"\"emails\": [{\"value\": \"vera." + tag.letters() + "@example.org\"}]");
		Response again = editor.post("/api/v1/people", "{\"givenName\": \"Vera\", \"familyName\": \"Anew"
				+ tag.letters() + "\", \"emails\": [{\"value\": \"Vera." + tag.letters() + "@example.org\"}]}");
		String link = again.header("Link");
		assertThat(link).as(again.toString())
			.isEqualTo("</api/v1/duplicates?person=" + again.createdId()
					+ ">; rel=\"urn:pressdesk:rel:possible-duplicates\"");
		List<String> pairs = viewer.get(link.substring(1, link.indexOf('>'))).at("$.items[*].people[*].id");
		assertThat(pairs).containsExactlyInAnyOrder(there, again.createdId());

		Response unrelated = editor.post("/api/v1/people",
				"{\"givenName\": \"Quill\", \"familyName\": \"Unrelated" + tag.letters() + "\"}");
		assertThat(unrelated.header("Link")).isNull();
	}

	/** Letters and digits of one test, for names and numbers no other test has. */
	private record Tag(String letters, String digits) {
	}

	private Tag tag() {
		String letters = unique("").replaceAll("[^a-z]", "") + "zq";
		return new Tag(letters, String.valueOf(1000 + Math.floorMod(letters.hashCode(), 1000)).substring(1));
	}

	private String person(String given, String family, String more) {
		return editor
			.post("/api/v1/people",
					"{\"givenName\": \"" + given + "\", \"familyName\": \"" + family + "\""
							+ (more.isEmpty() ? "" : ", " + more) + "}")
			.createdId();
	}

	private String organisation(String name) {
		return editor.post("/api/v1/organisations", Http.toJson(Map.of("name", name))).createdId();
	}

	private void affiliate(String person, String organisation) {
		editor.post("/api/v1/people/" + person + "/affiliations", Http.toJson(Map.of("organisationId", organisation)))
			.createdId();
	}

	private List<String> reasonKinds(String one, String other) {
		JsonNode found = suggestion(one, other).orElseThrow(() -> new AssertionError("no suggestion for the pair"));
		List<String> kinds = new ArrayList<>();
		found.get("reasons").forEach(reason -> kinds.add(reason.get("kind").asString()));
		return kinds;
	}

	private Optional<JsonNode> suggestion(String one, String other) {
		return all().stream().filter(found -> isPair(found, one, other)).findFirst();
	}

	private int positionOf(String one, String other) {
		List<JsonNode> all = all();
		for (int i = 0; i < all.size(); i++) {
			if (isPair(all.get(i), one, other)) {
				return i;
			}
		}
		throw new AssertionError("no suggestion for the pair");
	}

	private static boolean isPair(JsonNode suggestion, String one, String other) {
		List<String> ids = List.of(suggestion.get("people").get(0).get("id").asString(),
				suggestion.get("people").get(1).get("id").asString());
		return ids.contains(one) && ids.contains(other);
	}

	/** Every suggestion, page by page. */
	private List<JsonNode> all() {
		List<JsonNode> all = new ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = viewer.get("/api/v1/duplicates?limit=100" + (cursor == null ? "" : "&cursor=" + cursor))
				.json();
			page.get("items").forEach(all::add);
			cursor = page.get("next").isNull() ? null : page.get("next").asString();
		}
		while (cursor != null);
		return all;
	}

}

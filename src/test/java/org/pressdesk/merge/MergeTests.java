package org.pressdesk.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.pressdesk.ApiTestSupport;
import org.pressdesk.Http.Response;
import org.pressdesk.Http;
import org.pressdesk.article.ArticleFixtures;

/**
 * Two records of one person merged over HTTP: the kept person takes the other's places on
 * published articles (as published), the other's id redirects in the API and in public
 * vCard addresses, a stale ETag changes nothing, and an undo brings both back exactly —
 * unless the kept person changed since.
 */
class MergeTests extends ApiTestSupport {

	private ArticleFixtures fixtures;

	private String kept;

	private String other;

	private String bystander;

	private String university;

	/** Published: the bystander, then the other as spokesperson. */
	private String first;

	private String firstSlug;

	/** Published: the kept person and the other, both. */
	private String second;

	@BeforeEach
	void twoRecordsOfOnePersonOnPublishedArticles() {
		String tag = unique("m").replaceAll("[^a-z0-9]", "");
		fixtures = new ArticleFixtures(editor, tag);
		university = fixtures.organisation("Merge University " + tag, null);
		kept = fixtures.person("Carlos", "López-Gómez", university, "Press Officer").get("id").asString();
		other = fixtures.person("Carl", "Lopez Gomez", university, "Head of Press").get("id").asString();
		bystander = fixtures.person("Bea", "Bystander", university, "Researcher").get("id").asString();
		JsonNode article = editor
			.post("/api/v1/articles",
					"{\"title\": \"Merge news " + tag + "\", \"status\": \"PUBLISHED\", "
							+ "\"contacts\": [{\"personId\": \"" + bystander + "\", \"role\": \"PRESS_CONTACT\"}, "
							+ "{\"personId\": \"" + other + "\", \"role\": \"SPOKESPERSON\"}]}")
			.json();
		first = article.get("id").asString();
		firstSlug = article.get("slug").asString();
		second = editor
			.post("/api/v1/articles",
					"{\"title\": \"Merge more news " + tag + "\", \"status\": \"PUBLISHED\", "
							+ "\"contacts\": [{\"personId\": \"" + other + "\", \"role\": \"PRESS_CONTACT\"}, "
							+ "{\"personId\": \"" + kept + "\", \"role\": \"SPOKESPERSON\"}]}")
			.json()
			.get("id")
			.asString();
		// titles change after publication: the blocks keep what they showed then
		editor.patch(
				"/api/v1/people/" + other + "/affiliations/"
						+ editor.get("/api/v1/people/" + other).text("$.affiliations[0].id"),
				"{\"title\": \"Director\"}");
	}

	@Test
	void theKeptPersonTakesTheOthersPlacesAndTheOldIdRedirects() {
		JsonNode before = editor.get("/api/v1/people/" + other).json();
		assertThat(anonymous.get("/press/" + firstSlug).body()).contains("Carl Lopez Gomez", "Head of Press");

		Response merged = merge(kept, "{\"from\": \"" + other + "\"}", etagOf(kept));
		assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
		assertThat(merged.header("ETag")).isEqualTo("\"" + merged.number("$.person.version") + "\"");
		JsonNode person = merged.json().get("person");
		assertThat(person.get("displayName").asString()).isEqualTo("Carlos López-Gómez");
		assertThat(values(person.get("phones"))).as("the other's phones added")
			.containsAll(values(before.get("phones")))
			.hasSize(4);
		assertThat(person.get("phones").findValues("primary").stream().filter(JsonNode::asBoolean)).hasSize(1);
		assertThat(person.get("emails").findValues("primary").stream().filter(JsonNode::asBoolean)).hasSize(1);
		assertThat(person.get("affiliations")).as("both roles, the other's not primary").hasSize(2);

		// the public block shows the kept person in the other's place, as published
		String page = anonymous.get("/press/" + firstSlug).body();
		assertThat(page).contains("Carlos López-Gómez", "Head of Press").doesNotContain("Carl Lopez Gomez", "Director");
		assertThat(page.indexOf("Bystander")).isLessThan(page.indexOf("Carlos López-Gómez"));
		assertThat(editor.get("/api/v1/articles/" + first).<List<String>>at("$.contacts[*].personId"))
			.containsExactly(bystander, kept);
		assertThat(editor.get("/api/v1/articles/" + first).<List<String>>at("$.contacts[*].role"))
			.containsExactly("PRESS_CONTACT", "SPOKESPERSON");
		assertThat(editor.get("/api/v1/articles/" + second).<List<String>>at("$.contacts[*].personId"))
			.as("on both: the kept person's own place stays")
			.containsExactly(kept);
		Response card = anonymous.get("/press/" + firstSlug + "/contacts/" + kept + ".vcf");
		assertThat(card.body()).contains("FN:Carlos López-Gómez", "TITLE:Head of Press");

		// the old id keeps working
		Response oldCard = anonymous.get("/press/" + firstSlug + "/contacts/" + other + ".vcf?version=3.0");
		assertThat(oldCard.status()).isEqualTo(308);
		assertThat(oldCard.header("Location"))
			.isEqualTo("/press/" + firstSlug + "/contacts/" + kept + ".vcf?version=3.0");
		Response oldPerson = viewer.get("/api/v1/people/" + other);
		assertThat(oldPerson.status()).isEqualTo(308);
		assertThat(oldPerson.header("Location")).isEqualTo("/api/v1/people/" + kept);
		assertThat(viewer.get("/api/v1/people/" + other + "/vcard").header("Location"))
			.isEqualTo("/api/v1/people/" + kept + "/vcard");
		assertThat(anonymous.get("/press/" + firstSlug + "/contacts/" + bystander + "x.vcf").status()).isEqualTo(404);

		JsonNode audit = admin.get("/api/v1/audit?entity=person&entityId=" + kept + "&action=MERGED").json();
		assertThat(audit.at("/items/0/states/kept/id").asString()).isEqualTo(kept);
		assertThat(audit.at("/items/0/states/merged").toString()).isEqualTo(before.toString());
	}

	@Test
	void aMergeWithAStaleETagChangesNothing() {
		String stale = etagOf(kept);
		editor.patch("/api/v1/people/" + kept, "{\"pronouns\": \"he/him\"}");
		JsonNode keptBefore = editor.get("/api/v1/people/" + kept).json();
		JsonNode articleBefore = editor.get("/api/v1/articles/" + first).json();

		assertThat(merge(kept, "{\"from\": \"" + other + "\"}", stale).status()).isEqualTo(412);
		assertThat(editor.get("/api/v1/people/" + kept).json()).isEqualTo(keptBefore);
		assertThat(editor.get("/api/v1/people/" + other).status()).isEqualTo(200);
		assertThat(editor.get("/api/v1/articles/" + first).json()).isEqualTo(articleBefore);
		assertThat(viewer.post("/api/v1/people/" + kept + "/merge", "{\"from\": \"" + other + "\"}").status())
			.as("a VIEWER may not merge")
			.isEqualTo(403);
	}

	@Test
	void anUndoBringsBothBackExactlyWithTheirPlacesOnArticles() {
		// a role the kept person has too: merged once, and back with its own id on undo
		editor.post("/api/v1/people/" + other + "/affiliations",
				"{\"organisationId\": \"" + university + "\", \"title\": \"Press Officer\"}");
		JsonNode keptBefore = editor.get("/api/v1/people/" + kept).json();
		JsonNode otherBefore = editor.get("/api/v1/people/" + other).json();
		JsonNode firstBefore = editor.get("/api/v1/articles/" + first).json().get("contacts");
		JsonNode secondBefore = editor.get("/api/v1/articles/" + second).json().get("contacts");
		Response merged = merge(kept, "{\"from\": \"" + other + "\", \"fields\": {\"name\": \"FROM\"}}", null);
		assertThat(merged.<List<String>>at("$.person.affiliations[*].title")).as("an equal role once")
			.containsExactlyInAnyOrder("Press Officer", "Director");
		String mergeId = merged.text("$.merge.id");

		Response undone = editor.post("/api/v1/merges/" + mergeId + "/undo", "");
		assertThat(undone.status()).as(undone.toString()).isEqualTo(200);
		assertThat(undone.json().get("kept")).isEqualTo(keptBefore);
		assertThat(undone.json().get("merged")).isEqualTo(otherBefore);
		assertThat(editor.get("/api/v1/people/" + kept).json()).isEqualTo(keptBefore);
		assertThat(editor.get("/api/v1/people/" + other).json()).isEqualTo(otherBefore);
		assertThat(editor.get("/api/v1/articles/" + first).json().get("contacts")).isEqualTo(firstBefore);
		assertThat(editor.get("/api/v1/articles/" + second).json().get("contacts")).isEqualTo(secondBefore);
		assertThat(anonymous.get("/press/" + firstSlug).body()).contains("Carl Lopez Gomez", "Head of Press");
		assertThat(anonymous.get("/press/" + firstSlug + "/contacts/" + other + ".vcf").status()).isEqualTo(200);
		assertThat(editor.get("/api/v1/merges/" + mergeId).text("$.undoneBy")).isEqualTo("test-editor");

		assertThat(editor.post("/api/v1/merges/" + mergeId + "/undo", "").status()).as("undone already").isEqualTo(409);
		JsonNode audit = admin.get("/api/v1/audit?entity=person&entityId=" + kept + "&action=MERGE_UNDONE").json();
		assertThat(audit.at("/items/0/states/kept/displayName").asString()).as("as the merge left them")
			.isEqualTo("Carl Lopez Gomez");
	}

	@Test
	void anUndoAfterTheKeptPersonChangedIsAConflictThatSaysWhatChanged() {
		String mergeId = merge(kept, "{\"from\": \"" + other + "\"}", null).text("$.merge.id");
		editor.patch("/api/v1/people/" + kept, "{\"pronouns\": \"he/him\"}");

		Response refused = editor.post("/api/v1/merges/" + mergeId + "/undo", "");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.text("$.detail")).contains("changed since the merge (pronouns)");
		assertThat(editor.get("/api/v1/people/" + other).status()).as("still merged").isEqualTo(308);
	}

	@Test
	void fieldsChooseTheOthersValueAndBadChoicesAreNamed() {
		Response bad = merge(kept,
				"{\"from\": \"" + kept + "\", \"fields\": {\"colour\": \"FROM\", \"pronouns\": \"BOTH\"}}", null);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.errorFields()).containsExactlyInAnyOrder("from", "fields.colour", "fields.pronouns");
		Response unknown = merge(kept, "{\"from\": \"" + kept.replaceAll(".$", "0").replaceAll("^.", "f") + "\"}",
				null);
		assertThat(unknown.errorFields()).containsExactly("from");

		JsonNode otherBefore = editor.get("/api/v1/people/" + other).json();
		JsonNode keptBefore = editor.get("/api/v1/people/" + kept).json();
		JsonNode person = merge(kept,
				"{\"from\": \"" + other + "\", \"fields\": {\"name\": \"FROM\", \"phones\": \"KEPT\"}}", null)
			.json()
			.get("person");
		assertThat(person.get("displayName")).isEqualTo(otherBefore.get("displayName"));
		assertThat(person.get("phones")).isEqualTo(keptBefore.get("phones"));
		assertThat(merge(kept, "{\"from\": \"" + other + "\"}", null).errorFields()).containsExactly("from");
	}

	private Response merge(String keptId, String body, String ifMatch) {
		return ifMatch == null ? editor.post("/api/v1/people/" + keptId + "/merge", body)
				: editor.post("/api/v1/people/" + keptId + "/merge", body, "If-Match", ifMatch);
	}

	private String etagOf(String id) {
		return editor.get("/api/v1/people/" + id).header("ETag");
	}

	private static List<String> values(JsonNode list) {
		List<String> values = new ArrayList<>();
		list.forEach(value -> values.add(value.get("value").asString()));
		return values;
	}

}

package org.pressdesk.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.pressdesk.ApiTestSupport;
import org.pressdesk.Http;
import org.pressdesk.Http.Response;
import org.pressdesk.text.Topics;

class ArticleApiTests extends ApiTestSupport {

	private ArticleFixtures fixtures;

	private String tag;

	@BeforeEach
	void fixtures() {
		tag = unique("a");
		fixtures = new ArticleFixtures(editor, tag);
	}

	@Test
	void theCmsCreatesAttachesPublishesUpdatesAndUnpublishesByItsOwnReference() {
		String university = fixtures.organisation("University of Example " + tag, null);
		String institute = fixtures.organisation("Institute for Manufacturing " + tag, university);
		JsonNode jane = fixtures.person("Jane", "Núñez", institute, "Head of Policy Links");
		String ref = "cms-" + tag;
		String draft = """
				{ "title": "Strengthening ties – Café Ångström %s!", "summary": "A summary.",
				  "url": "https://www.example.ac.uk/news/ties", "topics": ["industrial policy"] }
				""".formatted(tag);

		Response created = fixtures.putByRef(ref, draft);
		assertThat(created.status()).isEqualTo(201);
		String id = created.text("$.id");
		assertThat(created.header("Location")).isEqualTo("/api/v1/articles/" + id);
		assertThat(created.text("$.slug")).isEqualTo("strengthening-ties-cafe-angstrom-" + tag.toLowerCase());
		assertThat(created.text("$.status")).isEqualTo("DRAFT");
		assertThat(created.text("$.externalRef")).isEqualTo(ref);

		Response again = fixtures.putByRef(ref, draft);
		assertThat(again.status()).as("the same request again updates, and changes nothing").isEqualTo(200);
		assertThat(again.text("$.id")).isEqualTo(id);
		assertThat(again.number("$.version")).isEqualTo(created.number("$.version"));

		Response attached = fixtures.putContacts(id, """
				[ { "personId": "%s", "role": "PRESS_CONTACT" } ]""".formatted(jane.get("id").asString()));
		assertThat(attached.status()).isEqualTo(200);
		JsonNode contact = attached.json().get("contacts").get(0);
		assertThat(contact.get("affiliationId").asString())
			.as("without an affiliation, the person's current one is shown")
			.isEqualTo(jane.get("affiliations").get(0).get("id").asString());
		assertThat(contact.get("title").asString()).isEqualTo("Head of Policy Links");
		assertThat(contact.get("organisationName").asString()).isEqualTo("Institute for Manufacturing " + tag);
		assertThat(contact.get("asPublished").isNull()).as("not published yet").isTrue();

		Response published = fixtures.putByRef(ref,
				draft.replace("\"summary\"", "\"status\": \"PUBLISHED\", \"summary\""));
		assertThat(published.status()).isEqualTo(200);
		assertThat(published.json().get("publishedAt").isNull()).isFalse();
		assertThat(published.text("$.contacts[0].asPublished.title")).isEqualTo("Head of Policy Links");

		// the person's title changes after publication: the article keeps what it showed
		String affiliationId = jane.get("affiliations").get(0).get("id").asString();
		assertThat(editor
			.patch("/api/v1/people/" + jane.get("id").asString() + "/affiliations/" + affiliationId,
					"{\"title\": \"Director of Policy\"}")
			.status()).isEqualTo(200);
		JsonNode after = viewer.get("/api/v1/articles/" + id).json().get("contacts").get(0);
		assertThat(after.get("title").asString()).as("now").isEqualTo("Director of Policy");
		assertThat(after.get("asPublished").get("title").asString()).as("as published")
			.isEqualTo("Head of Policy Links");
		assertThat(after.get("asPublished").get("organisationName").asString())
			.isEqualTo("Institute for Manufacturing " + tag);
		String slug = published.text("$.slug");
		assertThat(anonymous.get("/press/" + slug).body()).contains("Head of Policy Links")
			.doesNotContain("Director of Policy");

		Response updated = fixtures.putByRef(ref, draft.replace("Strengthening ties", "Stronger ties")
			.replace("\"summary\"", "\"status\": \"PUBLISHED\", \"summary\""));
		assertThat(updated.text("$.title")).startsWith("Stronger ties");
		assertThat(updated.text("$.slug")).as("the public address stays").isEqualTo(slug);
		assertThat(updated.text("$.publishedAt")).isEqualTo(published.text("$.publishedAt"));

		Response unpublished = fixtures.putByRef(ref, draft);
		assertThat(unpublished.text("$.status")).isEqualTo("DRAFT");
		assertThat(anonymous.get("/press/" + slug).status()).isEqualTo(404);
		assertThat(viewer.get("/api/v1/articles?externalRef=" + ref).json().get("items").size()).isEqualTo(1);
	}

	@Test
	void concurrentFirstCallsWithOneReferenceCreateOneArticle() throws Exception {
		String ref = "cms-race-" + tag;
		String body = "{\"title\": \"Race " + tag + "\"}";
		List<Integer> statuses = eightAtOnce(ref, body);
		assertThat(statuses).containsOnly(200, 201);
		assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
		JsonNode found = viewer.get("/api/v1/articles?externalRef=" + ref).json().get("items");
		assertThat(found.size()).isEqualTo(1);
		assertThat(found.get(0).get("slug").asString()).isEqualTo("race-" + tag.toLowerCase());
	}

	@Test
	void aContactBlockIsReplacedWholeOrNotAtAll() {
		String organisation = fixtures.organisation("Org " + tag, null);
		JsonNode ana = fixtures.person("Ana", "Example", organisation, "Press Officer");
		JsonNode ben = fixtures.person("Ben", "Example", organisation, "Professor");
		String id = editor.post("/api/v1/articles", "{\"title\": \"Block " + tag + "\"}").text("$.id");
		assertThat(fixtures.putContacts(id, """
				[ { "personId": "%s", "role": "PRESS_CONTACT" }, { "personId": "%s", "role": "QUOTED" } ]
				""".formatted(ana.get("id").asString(), ben.get("id").asString())).status()).isEqualTo(200);
		int version = viewer.get("/api/v1/articles/" + id).number("$.version");

		Response unknownPerson = fixtures.putContacts(id,
				"""
						[ { "personId": "%s", "role": "SPOKESPERSON" }, { "personId": "no-such-person", "role": "PRESS_CONTACT" } ]
						"""
					.formatted(ben.get("id").asString()));
		assertThat(unknownPerson.status()).isEqualTo(400);
		assertThat(unknownPerson.errorFields()).containsExactly("contacts[1].personId");

		Response othersAffiliation = fixtures.putContacts(id, """
				[ { "personId": "%s", "role": "PRESS_CONTACT", "affiliationId": "%s" } ]
				""".formatted(ana.get("id").asString(), ben.get("affiliations").get(0).get("id").asString()));
		assertThat(othersAffiliation.status()).isEqualTo(400);
		assertThat(othersAffiliation.errorFields()).containsExactly("contacts[0].affiliationId");

		Response twice = fixtures.putContacts(id, """
				[ { "personId": "%1$s", "role": "PRESS_CONTACT" }, { "personId": "%1$s", "role": "QUOTED" },
				  { "role": "NOBODY" } ]
				""".formatted(ana.get("id").asString()));
		assertThat(twice.status()).isEqualTo(400);

		Response stale = fixtures.putContacts(id, "[]", "If-Match", "\"" + (version - 1) + "\"");
		assertThat(stale.status()).isEqualTo(412);

		JsonNode unchanged = viewer.get("/api/v1/articles/" + id).json();
		assertThat(unchanged.get("version").asInt()).isEqualTo(version);
		assertThat(unchanged.get("contacts").valueStream().map(c -> c.get("personId").asString()))
			.containsExactly(ana.get("id").asString(), ben.get("id").asString());
		assertThat(unchanged.get("contacts").valueStream().map(c -> c.get("role").asString()))
			.containsExactly("PRESS_CONTACT", "QUOTED");
	}

	@Test
	void deletingAPersonOnAPublishedArticleNeedsForceAndTakesThemOff() {
		String organisation = fixtures.organisation("Org " + tag, null);
		JsonNode cleo = fixtures.person("Cleo", "Example", organisation, "Spokesperson");
		String personId = cleo.get("id").asString();
		String published = editor
			.post("/api/v1/articles", "{\"title\": \"Published " + tag + "\", \"status\": \"PUBLISHED\"}")
			.text("$.id");
		String draft = editor.post("/api/v1/articles", "{\"title\": \"Draft " + tag + "\"}").text("$.id");
		fixtures.putContacts(published, "[{\"personId\": \"" + personId + "\", \"role\": \"SPOKESPERSON\"}]");
		fixtures.putContacts(draft, "[{\"personId\": \"" + personId + "\", \"role\": \"QUOTED\"}]");

		JsonNode appearances = viewer.get("/api/v1/people/" + personId + "/articles").json().get("items");
		assertThat(appearances.valueStream().map(a -> a.get("id").asString())).containsExactlyInAnyOrder(published,
				draft);
		assertThat(appearances.valueStream().map(a -> a.get("role").asString()))
			.containsExactlyInAnyOrder("SPOKESPERSON", "QUOTED");

		Response refused = editor.delete("/api/v1/people/" + personId);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.text("$.detail")).contains("published", "force=true");
		assertThat(viewer.get("/api/v1/people/" + personId).status()).as("nothing deleted").isEqualTo(200);

		int versionBefore = viewer.get("/api/v1/articles/" + published).number("$.version");
		assertThat(editor.delete("/api/v1/people/" + personId + "?force=true").status()).isEqualTo(204);
		JsonNode article = viewer.get("/api/v1/articles/" + published).json();
		assertThat(article.get("contacts").size()).isZero();
		assertThat(article.get("version").asInt()).as("the block changed, so the ETag does")
			.isGreaterThan(versionBefore);
		assertThat(viewer.get("/api/v1/articles/" + draft).json().get("contacts").size()).isZero();
		assertThat(viewer.get("/api/v1/people/" + personId + "/articles").status()).isEqualTo(404);
	}

	@Test
	void slugsAreMadeFromTitlesUniqueAndCheckedWhenGiven() {
		String title = "Same title " + tag;
		String first = editor.post("/api/v1/articles", "{\"title\": \"" + title + "\"}").text("$.slug");
		String second = editor.post("/api/v1/articles", "{\"title\": \"" + title + "\"}").text("$.slug");
		assertThat(second).isEqualTo(first + "-2");

		assertThat(editor.post("/api/v1/articles", "{\"title\": \"x\", \"slug\": \"" + first + "\"}").status())
			.isEqualTo(409);
		Response bad = editor.post("/api/v1/articles",
				"{\"title\": \"\", \"slug\": \"Not A Slug\", \"url\": \"javascript:alert(1)\", \"status\": \"LIVE\"}");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.errorFields()).contains("status");
		Response alsoBad = editor.post("/api/v1/articles",
				"{\"title\": \"\", \"slug\": \"Not A Slug\", \"url\": \"javascript:alert(1)\"}");
		assertThat(alsoBad.errorFields()).containsExactlyInAnyOrder("title", "slug", "url");
	}

	@Test
	void articlesAreListedNewestFirstFoundByWordsAndPagedWithoutRepeats() {
		for (int i = 0; i < 5; i++) {
			editor.post("/api/v1/articles",
					"{\"title\": \"Listing " + tag + " number " + i + "\", \"summary\": \"Énergie\"}");
		}
		Response first = viewer.get("/api/v1/articles?q=" + tag + "+energie&limit=3");
		assertThat(first.json().get("items").valueStream().map(a -> a.get("title").asString())).containsExactly(
				"Listing " + tag + " number 4", "Listing " + tag + " number 3", "Listing " + tag + " number 2");
		Response second = viewer.get("/api/v1/articles?q=" + tag + "&limit=3&cursor=" + first.text("$.next"));
		assertThat(second.json().get("items").valueStream().map(a -> a.get("title").asString()))
			.containsExactly("Listing " + tag + " number 1", "Listing " + tag + " number 0");
		assertThat(second.json().get("next").isNull()).isTrue();
	}

	@Test
	void editorsWriteArticlesViewersOnlyReadThemAndStaffCardsIncludeInternalValues() {
		String organisation = fixtures.organisation("Org " + tag, null);
		JsonNode dan = fixtures.person("Dan", "Example", organisation, "Analyst");
		assertThat(viewer.post("/api/v1/articles", "{\"title\": \"No\"}").status()).isEqualTo(403);
		assertThat(anonymous.get("/api/v1/articles").status()).isEqualTo(401);
		String id = editor.post("/api/v1/articles", "{\"title\": \"Cards " + tag + "\"}").text("$.id");
		fixtures.putContacts(id, "[{\"personId\": \"" + dan.get("id").asString() + "\", \"role\": \"MENTIONED\"}]");
		assertThat(viewer.send("PUT", "/api/v1/articles/" + id + "/contacts", "application/json", "[]").status())
			.isEqualTo(403);

		Response cards = viewer.get("/api/v1/articles/" + id + "/contacts/vcard");
		assertThat(cards.status()).isEqualTo(200);
		var card = org.pressdesk.exchange.OutsideParsers.ical4j(cards.body()).get(0);
		assertThat(card.getProperty(net.fortuna.ical4j.vcard.Property.Id.FN).getValue()).isEqualTo("Dan Example");
		String internalPhone = dan.get("phones").get(1).get("value").asString();
		assertThat(cards.body()).as("staff see INTERNAL values")
			.contains(internalPhone.substring(7), fixtures.handle("Dan") + ".private@example.org", "TITLE:Analyst");

		Response patched = editor.send("PATCH", "/api/v1/articles/" + id, "application/merge-patch+json",
				"{\"summary\": \"Now with a summary\"}", "If-Match", "\"1\"");
		assertThat(patched.status()).as("contacts changed the version").isEqualTo(412);
		assertThat(editor.delete("/api/v1/articles/" + id).status()).isEqualTo(204);
		assertThat(viewer.get("/api/v1/articles/" + id).status()).isEqualTo(404);
	}

	/** Articles folded their topics for case only; people for accents too. */
	@Test
	void anArticlesTopicsAreOneWhenTheyDifferOnlyInAccentsOrCase() {
		Response created = editor.post("/api/v1/articles", Http.toJson(java.util.Map.of("title",
				"Topics " + unique("t"), "topics", List.of("Économie", "economie", "ÉCONOMIE", "Trade"))));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("topics").valueStream().map(JsonNode::asString).toList())
			.containsExactly("Économie", "Trade");
	}

	/**
	 * A repeated, identical block moved the version on (an identical by-ref PUT did not).
	 */
	@Test
	void anIdenticalContactBlockChangesNothingNotEvenTheVersion() {
		String organisation = fixtures.organisation("Repeat University " + tag, null);
		JsonNode jane = fixtures.person("Jane", "Repeat-" + tag, organisation, "Press Officer");
		String id = editor
			.post("/api/v1/articles", Http.toJson(java.util.Map.of("title", "Repeat " + tag, "status", "PUBLISHED")))
			.createdId();
		String block = "[ { \"personId\": \"" + jane.get("id").asString() + "\", \"role\": \"PRESS_CONTACT\" } ]";
		Response first = fixtures.putContacts(id, block);
		Response again = fixtures.putContacts(id, block);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.number("$.version")).isEqualTo(first.number("$.version"));
		assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
		Response changed = fixtures.putContacts(id, block.replace("PRESS_CONTACT", "SPOKESPERSON"));
		assertThat(changed.number("$.version")).isGreaterThan(first.number("$.version"));
	}

	/**
	 * A CMS publishes an article with its block in one call: there is no moment when the
	 * public page of a published article shows an empty block, and the same call again
	 * changes nothing.
	 */
	@Test
	void oneCallPublishesAnArticleWithItsBlockAndTheSameCallAgainChangesNothing() {
		String organisation = fixtures.organisation("One Call University " + tag, null);
		String jane = fixtures.person("Jane", "Onecall-" + tag, organisation, "Press Officer").get("id").asString();
		String ref = "cms-one-" + tag;
		String body = Http.toJson(Map.of("title", "One call " + tag, "status", "PUBLISHED", "contacts",
				List.of(Map.of("personId", jane, "role", "PRESS_CONTACT"))));

		Response created = fixtures.putByRef(ref, body);
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.text("$.contacts[0].personId")).isEqualTo(jane);
		assertThat(created.text("$.contacts[0].asPublished.title")).isEqualTo("Press Officer");
		assertThat(anonymous.get("/press/" + created.text("$.slug")).body()).contains("Onecall-" + tag);

		Response again = fixtures.putByRef(ref, body);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.number("$.version")).isEqualTo(created.number("$.version"));
		assertThat(again.header("ETag")).isEqualTo(created.header("ETag"));

		Response blockOnly = fixtures.putByRef(ref, body.replace("PRESS_CONTACT", "SPOKESPERSON"));
		assertThat(blockOnly.number("$.version")).isGreaterThan(created.number("$.version"));
		assertThat(blockOnly.text("$.contacts[0].role")).isEqualTo("SPOKESPERSON");
		assertThat(blockOnly.text("$.title")).isEqualTo("One call " + tag);
	}

	@Test
	void concurrentFirstCallsWithABlockCreateOneArticleWithOneBlock() throws Exception {
		String organisation = fixtures.organisation("Race Block University " + tag, null);
		String jane = fixtures.person("Jane", "Raceblock-" + tag, organisation, "Press Officer").get("id").asString();
		String ref = "cms-race-block-" + tag;
		String body = Http.toJson(Map.of("title", "Race block " + tag, "status", "PUBLISHED", "contacts",
				List.of(Map.of("personId", jane, "role", "PRESS_CONTACT"))));
		List<Integer> statuses = eightAtOnce(ref, body);
		assertThat(statuses).containsOnly(200, 201);
		assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
		Response found = viewer.get("/api/v1/articles?externalRef=" + ref);
		assertThat(found.<List<Object>>at("$.items")).hasSize(1);
		assertThat(found.<List<String>>at("$.items[0].contacts[*].personId")).containsExactly(jane);
	}

	@Test
	void aBadContactInTheBodyWritesNothingAndIsNamed() {
		String ref = "cms-bad-" + tag;
		Response refused = fixtures.putByRef(ref, Http.toJson(Map.of("title", "Bad " + tag, "status", "PUBLISHED",
				"contacts", List.of(Map.of("personId", "no-such-person", "role", "PRESS_CONTACT")))));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.errorFields()).containsExactly("contacts[0].personId");
		assertThat(viewer.get("/api/v1/articles?externalRef=" + ref).<List<Object>>at("$.items")).isEmpty();

		Response posted = editor.post("/api/v1/articles",
				Http.toJson(Map.of("title", "Posted " + tag, "contacts", List.of())));
		assertThat(posted.status()).isEqualTo(201);
		assertThat(posted.<List<Object>>at("$.contacts")).isEmpty();
	}

	/**
	 * {@code PUT /articles/by-ref/contacts} reached the contacts of an article whose id
	 * would be "by-ref", and was refused as a block that is not an array.
	 */
	@Test
	void aReferenceThatIsAlsoAWordOfAPathIsStillAReference() {
		Response put = fixtures.putByRef("contacts", Http.toJson(Map.of("title", "Referenced as contacts " + tag)));
		assertThat(put.status()).as(put.body()).isIn(200, 201);
		assertThat(put.text("$.externalRef")).isEqualTo("contacts");
	}

	/** The statuses of eight identical by-ref PUTs sent at the same moment. */
	private List<Integer> eightAtOnce(String ref, String body) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Response>> calls = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				calls.add(() -> fixtures.putByRef(ref, body));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Response> call : threads.invokeAll(calls)) {
				statuses.add(call.get().status());
			}
			return statuses;
		}
		finally {
			threads.shutdown();
		}
	}

}

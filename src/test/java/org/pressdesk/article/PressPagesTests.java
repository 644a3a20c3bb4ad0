package org.pressdesk.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pressdesk.db.Tables.ARTICLE;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import net.fortuna.ical4j.vcard.Property;
import net.fortuna.ical4j.vcard.VCard;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.pressdesk.ApiTestSupport;
import org.pressdesk.Http.Response;
import org.pressdesk.exchange.OutsideParsers;

import org.springframework.beans.factory.annotation.Autowired;

class PressPagesTests extends ApiTestSupport {

	@Autowired
	private DSLContext db;

	private ArticleFixtures fixtures;

	private String tag;

	private JsonNode pressContact;

	private JsonNode spokesperson;

	private JsonNode quoted;

	private String articleId;

	private String slug;

	@BeforeEach
	void publishedArticle() {
		tag = unique("p");
		fixtures = new ArticleFixtures(editor, tag);
		String university = fixtures.organisation("Universität Example " + tag, null);
		String institute = fixtures.organisation("Institute for Climate " + tag, university);
		pressContact = fixtures.person("Zoë", "Ångström", institute, "Press Officer");
		spokesperson = fixtures.person("Søren", "Example", university, "Vice-Chancellor");
		quoted = fixtures.person("Quentin", "Quoted", university, "Professor");
		JsonNode article = editor.post("/api/v1/articles", """
				{ "title": "New <b>climate</b> institute %s", "url": "https://www.example.ac.uk/news/climate",
				  "summary": "Opening & more", "status": "PUBLISHED" }
				""".formatted(tag)).json();
		articleId = article.get("id").asString();
		slug = article.get("slug").asString();
		fixtures.putContacts(articleId, """
				[ { "personId": "%s", "role": "PRESS_CONTACT" }, { "personId": "%s", "role": "SPOKESPERSON" },
				  { "personId": "%s", "role": "QUOTED" } ]
				""".formatted(id(pressContact), id(spokesperson), id(quoted)));
	}

	@Test
	void thePageShowsTheBlockWithPublicValuesOnly() {
		Response page = anonymous.get("/press/" + slug);

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Content-Type")).startsWith("text/html");
		assertThat(page.body()).contains("<html lang=\"en\"", "name=\"viewport\"",
				"New &lt;b&gt;climate&lt;/b&gt; institute", "Opening &amp; more",
				"href=\"https://www.example.ac.uk/news/climate\"", "For further information please contact",
				"Zoë Ångström", "Press Officer", "Institute for Climate " + tag + ", Universität Example " + tag,
				"Søren Example", "Vice-Chancellor", "href=\"tel:" + phone(pressContact, 0) + "\"",
				international(phone(pressContact, 0)),
				"href=\"mailto:" + fixtures.handle("Zoë") + "@press.example.org\"",
				"href=\"https://www.linkedin.com/in/" + fixtures.handle("Zoë") + "\"",
				"/press/" + slug + "/contacts/" + id(pressContact) + ".vcf", "/press/" + slug + "/contacts.vcf");
		assertThat(page.body()).as("INTERNAL values and people quoted are not public")
			.doesNotContain(phone(pressContact, 1), phone(spokesperson, 1), "private@example.org", "Quentin",
					"<b>climate");
		assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'", "frame-ancestors 'none'");
		assertThat(page.header("Cache-Control")).contains("public", "no-cache");
	}

	@Test
	void theCardsHoldPublicValuesAndTheWorkplaceAsPublished() {
		Response all = anonymous.get("/press/" + slug + "/contacts.vcf");
		assertThat(all.status()).isEqualTo(200);
		assertThat(all.header("Content-Type")).isEqualTo("text/vcard;charset=UTF-8");
		List<VCard> cards = OutsideParsers.ical4j(all.body());
		assertThat(cards).hasSize(2);
		VCard zoe = cards.get(0);
		assertThat(zoe.getProperty(Property.Id.FN).getValue()).isEqualTo("Zoë Ångström");
		assertThat(zoe.getProperty(Property.Id.ORG).getValue())
			.isEqualTo("Universität Example " + tag + ";Institute for Climate " + tag);
		assertThat(zoe.getProperty(Property.Id.TITLE).getValue()).isEqualTo("Press Officer");
		assertThat(zoe.getProperties(Property.Id.TEL).stream().map(Property::getValue))
			.containsExactly(international(phone(pressContact, 0)));
		assertThat(zoe.getProperties(Property.Id.EMAIL)).hasSize(1);
		assertThat(all.body()).doesNotContain(international(phone(pressContact, 1)),
				international(phone(spokesperson, 1)), "private@example.org", "Quentin", "CATEGORIES");

		Response one = anonymous.get("/press/" + slug + "/contacts/" + id(spokesperson) + ".vcf");
		assertThat(one.status()).isEqualTo(200);
		assertThat(one.header("Content-Disposition")).contains("filename=\"Soren Example.vcf\"",
				"filename*=UTF-8''S%C3%B8ren%20Example.vcf");
		assertThat(OutsideParsers.ical4j(one.body())).hasSize(1);
		assertThat(anonymous.get("/press/" + slug + "/contacts/" + id(spokesperson) + ".vcf?version=4.0").body())
			.contains("VERSION:4.0");
	}

	@Test
	void outlookGetsOneCardPerFileAndAllContactsAsAZipOfThem() throws Exception {
		HttpResponse<byte[]> zip = download("/press/" + slug + "/contacts.vcf?target=outlook");

		assertThat(zip.statusCode()).isEqualTo(200);
		assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
		assertThat(zip.headers().firstValue("Content-Disposition").orElseThrow())
			.contains("filename=\"" + slug + "-contacts.zip\"");
		Map<String, String> files = new LinkedHashMap<>();
		try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
			for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
				files.put(entry.getName(), new String(entries.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		assertThat(files).as("Outlook imports only the first card of a file")
			.containsOnlyKeys("Zoë Ångström.vcf", "Søren Example.vcf");
		assertThat(files.values()).allSatisfy(card -> assertThat(card.split("BEGIN:VCARD", -1)).hasSize(2))
			.allSatisfy(card -> assertThat(card).contains("VERSION:2.1"));
		assertThat(download("/press/" + slug + "/contacts.vcf?target=outlook").body())
			.as("the same block, the same bytes (the ETag is theirs)")
			.isEqualTo(zip.body());
		assertThat(anonymous.get("/press/" + slug + "/contacts/" + id(spokesperson) + ".vcf?target=outlook").body())
			.startsWith("BEGIN:VCARD\r\nVERSION:2.1");
		assertThat(anonymous.get("/press/" + slug).body()).as("the page offers both")
			.contains("/press/" + slug + "/contacts.vcf?target=outlook",
					"/press/" + slug + "/contacts/" + id(pressContact) + ".vcf?target=outlook");
	}

	private HttpResponse<byte[]> download(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
	}

	@Test
	void whatIsNotPublicIsOneIndistinguishable404() {
		String draft = editor.post("/api/v1/articles", "{\"title\": \"Draft " + tag + "\"}").text("$.slug");
		String archived = editor
			.post("/api/v1/articles", "{\"title\": \"Archived " + tag + "\", \"status\": \"ARCHIVED\"}")
			.text("$.slug");
		List<String> pages = List.of("/press/" + draft, "/press/" + archived, "/press/no-such-" + tag);
		List<String> cards = List.of("/press/" + draft + "/contacts.vcf", "/press/" + archived + "/contacts.vcf",
				"/press/no-such-" + tag + "/contacts.vcf", "/press/" + slug + "/contacts/" + id(quoted) + ".vcf",
				"/press/" + slug + "/contacts/" + java.util.UUID.randomUUID() + ".vcf",
				"/press/" + draft + "/contacts/" + id(pressContact) + ".vcf");
		Response firstPage = anonymous.get(pages.get(0));
		for (String path : pages) {
			Response response = anonymous.get(path);
			assertThat(response.status()).as(path).isEqualTo(404);
			assertThat(response.body()).as(path).isEqualTo(firstPage.body());
		}
		Response firstCard = anonymous.get(cards.get(0));
		for (String path : cards) {
			Response response = anonymous.get(path);
			assertThat(response.status()).as(path).isEqualTo(404);
			assertThat(response.body()).as(path).isEqualTo(firstCard.body());
			assertThat(response.header("ETag")).as(path).isNull();
		}
		assertThat(anonymous.send("POST", "/press/" + slug, "text/plain", "x").status()).isIn(401, 403);
		assertThat(anonymous.get("/api/v1/articles/" + articleId).status()).isEqualTo(401);
	}

	@Test
	void conditionalRequestsGet304UntilAContactChanges() {
		String path = "/press/" + slug + "/contacts.vcf";
		Response first = anonymous.get(path);
		String etag = first.header("ETag");
		assertThat(etag).isNotBlank();
		assertThat(first.header("Cache-Control")).contains("public", "no-cache");

		Response unchanged = anonymous.get(path, "If-None-Match", etag);
		assertThat(unchanged.status()).isEqualTo(304);
		assertThat(anonymous.get("/press/" + slug, "If-None-Match", anonymous.get("/press/" + slug).header("ETag"))
			.status()).isEqualTo(304);

		// a new public phone number must be served at once, not after a cache expires
		String newNumber = String.format("+441223%06d",
				java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000));
		assertThat(editor.patch("/api/v1/people/" + id(pressContact), """
				{ "phones": [ { "value": "%s", "visibility": "PUBLIC" } ] }""".formatted(newNumber)).status())
			.isEqualTo(200);
		Response changed = anonymous.get(path, "If-None-Match", etag);
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.header("ETag")).isNotEqualTo(etag);
		assertThat(OutsideParsers.ical4j(changed.body())
			.get(0)
			.getProperties(Property.Id.TEL)
			.stream()
			.map(Property::getValue)).containsExactly(international(newNumber));
	}

	@Test
	void aKeptResponseIsAnsweredFromMemoryAsTheServiceAnswersItUntilItsArticleChanges() {
		for (String path : List.of("/press/" + slug, "/press/" + slug + "/contacts.vcf",
				"/press/" + slug + "/contacts.vcf?version=4.0",
				"/press/" + slug + "/contacts/" + id(pressContact) + ".vcf?target=outlook")) {
			Response rendered = anonymous.get(path);
			Response kept = anonymous.get(path);
			assertThat(kept.status()).as(path).isEqualTo(200);
			assertThat(kept.body()).as(path).isEqualTo(rendered.body());
			assertThat(withoutDate(kept.headers())).as(path).isEqualTo(withoutDate(rendered.headers()));
			assertThat(anonymous.get(path, "If-None-Match", kept.header("ETag")).status()).as(path).isEqualTo(304);
		}

		// no statement asks the database: an article unpublished behind the service's
		// back (no change logged, which no write of the service does) is still served
		db.update(ARTICLE).set(ARTICLE.STATUS, ArticleStatus.DRAFT).where(ARTICLE.ID.eq(articleId)).execute();
		assertThat(anonymous.get("/press/" + slug).status()).isEqualTo(200);
		// until a change to the article is logged: then the database is asked again
		assertThat(editor.patch("/api/v1/articles/" + articleId, "{\"summary\": \"Changed\"}").status()).isEqualTo(200);
		assertThat(anonymous.get("/press/" + slug).status()).isEqualTo(404);
		assertThat(anonymous.get("/press/" + slug + "/contacts.vcf").status()).isEqualTo(404);
	}

	private static Map<String, List<String>> withoutDate(Map<String, List<String>> headers) {
		Map<String, List<String>> rest = new TreeMap<>(headers);
		rest.remove("date");
		return rest;
	}

	/** A person's phone number in E.164, as the API returns it. */
	private static String phone(JsonNode person, int index) {
		return person.get("phones").get(index).get("value").asString();
	}

	/**
	 * +441223123456 as cards and pages show it: +44 1223 123456; +447700912345 → +44 7700
	 * 912345.
	 */
	private static String international(String e164) {
		return e164.substring(0, 3) + " " + e164.substring(3, 7) + " " + e164.substring(7);
	}

	private static String id(JsonNode node) {
		return node.get("id").asString();
	}

}

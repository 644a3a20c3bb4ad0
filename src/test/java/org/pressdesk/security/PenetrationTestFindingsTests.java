package org.pressdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.pressdesk.ApiTestSupport;
import org.pressdesk.Browser;
import org.pressdesk.Http;
import org.pressdesk.Http.Response;

/**
 * The low and informational findings of the penetration test that have no better home,
 * each as it was reproduced.
 */
class PenetrationTestFindingsTests extends ApiTestSupport {

	/**
	 * A cursor whose sort key is not a date made the lists ordered by time answer 500.
	 */
	@Test
	void aForgedCursorIsABadRequestNamingTheCursor() {
		String forged = Base64.getUrlEncoder().withoutPadding().encodeToString("not a date\u0000someid".getBytes());
		for (String list : List.of("/api/v1/articles", "/api/v1/audit")) {
			Response answer = admin.get(list + "?cursor=" + forged);
			assertThat(answer.status()).as(list).isEqualTo(400);
			assertThat(answer.errorFields()).containsExactly("cursor");
		}
		Browser browser = new Browser(port);
		browser.login("admin", ADMIN_PASSWORD);
		for (String page : List.of("/articles", "/admin/audit")) {
			HttpResponse<String> answer = browser.get(page + "?cursor=" + forged);
			assertThat(answer.statusCode()).as(page).isEqualTo(400);
			assertThat(answer.headers().firstValue("Content-Type").orElse("")).as("a page for a browser")
				.startsWith("text/html");
			assertThat(answer.body()).contains("cursor");
		}
	}

	/**
	 * A card too big for a QR code (within the API's limits) made the person's page
	 * answer 500.
	 */
	@Test
	void aPersonTooBigForAQrCodeStillHasAPage() {
		List<Map<String, String>> emails = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			emails
				.add(Map.of("value", "a-rather-long-address-number-" + i + "-of-many@a-long-domain-name.example.org"));
		}
		List<String> topics = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			topics.add("topic number " + i + " of a great many");
		}
		String id = editor
			.post("/api/v1/people",
					Http.toJson(Map.of("givenName", "Many", "familyName", unique("Addresses"), "emails", emails,
							"topics", topics)))
			.createdId();
		Browser browser = new Browser(port);
		browser.login("test-viewer", STAFF_PASSWORD);
		HttpResponse<String> page = browser.get("/people/" + id);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("more than a QR code can");
	}

	/**
	 * Staff 404 and 500 answers were JSON in a browser; a failed CSRF check blamed the
	 * user's role.
	 */
	@Test
	void aBrowserGetsPagesForErrorsAndAStaleFormIsCalledThat() {
		Browser browser = new Browser(port);
		browser.login("test-editor", STAFF_PASSWORD);
		HttpResponse<String> missing = browser.get("/people/00000000-0000-4000-8000-000000000000");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		assertThat(browser.get("/no-such-page").statusCode()).isEqualTo(404);

		HttpResponse<String> staleForm = browser.post("/organisations", Map.of("name", "x", "_csrf", "not-the-token"));
		assertThat(staleForm.statusCode()).isEqualTo(403);
		assertThat(staleForm.body()).contains("send it again").doesNotContain("role");
	}

	/** The Host header was reflected in redirects. */
	@Test
	void redirectsDoNotRepeatTheHostHeader() throws Exception {
		// the JDK's client will not send a Host of our choosing; a raw request does
		try (var socket = new java.net.Socket("127.0.0.1", port)) {
			socket.getOutputStream()
				.write(("GET / HTTP/1.1\r\nHost: attacker.example\r\nAccept: text/html\r\nConnection: close\r\n\r\n")
					.getBytes());
			String answer = new String(socket.getInputStream().readAllBytes());
			assertThat(answer).startsWith("HTTP/1.1 302");
			assertThat(answer).containsIgnoringCase("Location: /login").doesNotContain("attacker.example");
		}
	}

	@Test
	void thePublicSideAnswersHeadAndOptionsAndOnlyTheSlugAsWritten() {
		String tag = unique("Head").toLowerCase();
		String slug = editor
			.send("PUT", "/api/v1/articles/by-ref/" + tag, "application/json",
					Http.toJson(Map.of("title", "Head " + tag, "status", "PUBLISHED")))
			.text("$.slug");
		assertThat(anonymous.send("HEAD", "/press/" + slug, null, null).status()).isEqualTo(200);
		Response options = anonymous.send("OPTIONS", "/press/" + slug, null, null);
		assertThat(options.status()).isEqualTo(200);
		assertThat(options.header("Allow")).contains("GET", "HEAD");
		assertThat(anonymous.get("/press/" + slug.toUpperCase()).status()).isEqualTo(404);
		assertThat(anonymous.get("/press/" + slug + "%20").status()).isEqualTo(404);
		assertThat(anonymous.get("/press/" + slug).status()).isEqualTo(200);
	}

	/**
	 * An INTERNAL change moved the public ETag on, and the public card's REV told when.
	 */
	@Test
	void thePublicCardSaysNothingOfInternalChanges() {
		String tag = unique("Etag");
		String id = editor.post("/api/v1/people", Http.toJson(Map.of("givenName", "Public", "familyName", tag, "phones",
				List.of(Map.of("value", "+44 1223 761000", "visibility", "PUBLIC")))))
			.createdId();
		String slug = editor
			.send("PUT", "/api/v1/articles/by-ref/" + tag, "application/json",
					Http.toJson(Map.of("title", "Etag " + tag, "status", "PUBLISHED")))
			.text("$.slug");
		String articleId = viewer.get("/api/v1/articles?externalRef=" + tag).text("$.items[0].id");
		editor.send("PUT", "/api/v1/articles/" + articleId + "/contacts", "application/json",
				Http.toJson(List.of(Map.of("personId", id, "role", "PRESS_CONTACT"))));
		String card = "/press/" + slug + "/contacts/" + id + ".vcf";
		Response before = anonymous.get(card);
		assertThat(before.body()).doesNotContain("REV:");

		assertThat(editor.patch("/api/v1/people/" + id, Http.toJson(Map.of("notes", "internal only " + tag))).status())
			.isEqualTo(200);
		Response afterInternal = anonymous.get(card);
		assertThat(afterInternal.header("ETag")).isEqualTo(before.header("ETag"));
		assertThat(anonymous.get(card, "If-None-Match", before.header("ETag")).status()).isEqualTo(304);

		editor.patch("/api/v1/people/" + id,
				Http.toJson(Map.of("phones", List.of(Map.of("value", "+44 1223 761001", "visibility", "PUBLIC")))));
		Response afterPublic = anonymous.get(card);
		assertThat(afterPublic.header("ETag")).isNotEqualTo(before.header("ETag"));
		assertThat(afterPublic.body()).contains("761001");
	}

	/** A rejection by Spring Security's firewall came without the protective headers. */
	@Test
	void aRejectedAddressStillCarriesTheProtectiveHeaders() {
		Response rejected = anonymous.get("/api/v1/people/%2e%2e;/x");
		assertThat(rejected.status()).isEqualTo(400);
		assertThat(rejected.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(rejected.header("Content-Security-Policy")).contains("default-src 'none'");
		assertThat(rejected.header("Content-Type")).startsWith("application/problem+json");
	}

	/**
	 * One card of 100,000 TEL lines cost half a minute and a gigabyte before it was
	 * refused.
	 */
	@Test
	void aCardOfThousandsOfLinesIsRefusedBeforeItIsRead() {
		StringBuilder card = new StringBuilder("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Many Phones\r\n");
		for (int i = 0; i < 100_000; i++) {
			card.append("TEL:+4412237").append(String.format("%05d", i)).append("\r\n");
		}
		card.append("END:VCARD\r\n");
		Response answer = editor.send("POST", "/api/v1/imports?dryRun=true", "text/vcard", card.toString());
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.text("$.errors[0].field")).isEqualTo("card");
		assertThat(answer.text("$.errors[0].message"))
			.as("refused by a count of its lines, before any of them is parsed")
			.contains("more than 1000 lines");
	}

}

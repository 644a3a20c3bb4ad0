package org.pressdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.pressdesk.ApiTestSupport;
import org.pressdesk.Http.Response;

/**
 * A staff member's browser may hold their HTTP Basic credentials; a page of another site
 * must not be able to use them to change anything (the penetration test imported a person
 * with an auto-submitted {@code enctype=text/plain} form).
 */
class CrossSiteRequestTests extends ApiTestSupport {

	@Test
	void aBrowserIsNeverOfferedBasicSoItKeepsNoPassword() {
		Response navigation = anonymous.get("/api/v1/people", "Accept", "text/html", "Sec-Fetch-Mode", "navigate",
				"Sec-Fetch-Site", "none");
		assertThat(navigation.status()).isEqualTo(401);
		assertThat(navigation.header("WWW-Authenticate")).doesNotContainIgnoringCase("basic");

		assertThat(anonymous.get("/api/v1/people").header("WWW-Authenticate"))
			.as("a program (no Fetch Metadata) may still be challenged for Basic")
			.startsWith("Basic");
	}

	@Test
	void anotherSitesFormCannotImportWithTheBrowsersCredentials() {
		String tag = unique("Crosssite");
		String card = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:" + tag + ";Mallory;;;\r\nFN:Mallory " + tag + "\r\nEMAIL:"
				+ tag.toLowerCase() + "@example.org\r\nEND:VCARD\r\n";
		String boundary = "----formboundary" + tag;
		String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.vcf\"\r\n"
				+ "Content-Type: text/vcard\r\n\r\n" + card + "\r\n--" + boundary + "--\r\n";

		Response textPlainForm = editor.send("POST", "/api/v1/imports", "text/plain", card, "Origin",
				"https://attacker.example", "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "navigate");
		Response textPlainOldBrowser = editor.send("POST", "/api/v1/imports", "text/plain", card);
		Response urlEncoded = editor.send("POST", "/api/v1/imports", "application/x-www-form-urlencoded", card);
		Response multipartForm = editor.send("POST", "/api/v1/imports", "multipart/form-data; boundary=" + boundary,
				multipart, "Origin", "https://attacker.example");

		assertThat(textPlainForm.status()).isEqualTo(403);
		assertThat(textPlainForm.text("$.type")).isEqualTo(CrossSiteWrites.TYPE.toString());
		assertThat(textPlainOldBrowser.status()).as("a body a form can send, typed as text").isEqualTo(415);
		assertThat(urlEncoded.status()).isEqualTo(415);
		assertThat(multipartForm.status()).as("a file upload from another site").isEqualTo(403);
		assertThat(viewer.get("/api/v1/people?q=" + tag).json().get("items")).isEmpty();

		assertThat(
				editor.send("POST", "/api/v1/imports", "multipart/form-data; boundary=" + boundary, multipart).status())
			.as("the same upload from a program")
			.isEqualTo(200);
		assertThat(editor.send("POST", "/api/v1/imports", "text/vcard", card, "Sec-Fetch-Site", "same-origin").status())
			.as("or from a page of this site")
			.isEqualTo(200);
		assertThat(viewer.get("/api/v1/people?q=" + tag).json().get("items")).hasSize(1);
	}

	@Test
	void noWriteIsTakenFromAnotherSite() {
		String id = editor
			.post("/api/v1/people", "{\"givenName\": \"Cross\", \"familyName\": \"" + unique("Site") + "\"}")
			.text("$.id");
		assertThat(editor.patch("/api/v1/people/" + id, "{\"pronouns\": \"they/them\"}", "Sec-Fetch-Site", "same-site")
			.status()).isEqualTo(403);
		assertThat(editor.delete("/api/v1/people/" + id, "Origin", "null").status()).isEqualTo(403);
		assertThat(editor.get("/api/v1/people/" + id, "Sec-Fetch-Site", "cross-site").status())
			.as("reading is not changing (and needs the credentials anyway)")
			.isEqualTo(200);
		assertThat(editor.patch("/api/v1/people/" + id, "{\"pronouns\": \"they/them\"}").status()).isEqualTo(200);
	}

}

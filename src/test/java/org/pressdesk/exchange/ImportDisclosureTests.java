package org.pressdesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.pressdesk.ApiTestSupport;
import org.pressdesk.Http;
import org.pressdesk.Http.Response;

/**
 * An API client that may import but not read people learns nothing about who is in the
 * directory from an import (the penetration test used dry runs as an oracle), and a file
 * cannot choose made-up ids for the people it creates.
 */
class ImportDisclosureTests extends ApiTestSupport {

	@Test
	void anImportOnlyClientIsNotToldWhoIsAlreadyThere() {
		String tag = unique("Oracle");
		String email = tag.toLowerCase() + "@example.org";
		String known = editor
			.post("/api/v1/people",
					Http.toJson(
							Map.of("givenName", "Known", "familyName", tag, "emails", List.of(Map.of("value", email)))))
			.createdId();
		String key = admin
			.post("/api/v1/api-clients", Http.toJson(Map.of("name", unique("importer"), "scopes", List.of("import"))))
			.text("$.key");
		Http importer = new Http(anonymous.base(), "Bearer " + key);
		String card = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:" + tag + ";Known;;;\r\nFN:Known " + tag + "\r\nEMAIL:" + email
				+ "\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nN:" + tag + ";Known;;;\r\nFN:Known " + tag
				+ "\r\nEND:VCARD\r\n";

		Response probe = importer.send("POST", "/api/v1/imports?dryRun=true", "text/vcard", card);
		assertThat(probe.status()).isEqualTo(200);
		JsonNode receipt = probe.json();
		assertThat(receipt.get("accepted").asInt()).isEqualTo(2);
		assertThat(receipt.has("created") || receipt.has("updated") || receipt.has("unchanged")
				|| receipt.has("duplicates"))
			.as("created/updated/duplicates in %s", receipt)
			.isFalse();
		assertThat(probe.body()).doesNotContain(known);

		JsonNode report = editor.send("POST", "/api/v1/imports?dryRun=true", "text/vcard", card).json();
		assertThat(report.get("unchanged").asInt()).as("staff still get the whole report").isEqualTo(1);
		assertThat(report.get("duplicates").get(0).get("personIds").get(0).asString()).isEqualTo(known);
	}

	@Test
	void aFileCannotChooseMadeUpIdsButAnExportKeepsItsOwn() {
		String tag = unique("Uid");
		String madeUp = "00000000-0000-0000-0000-000000000000";
		String random = java.util.UUID.randomUUID().toString();
		String file = "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:urn:uuid:" + madeUp + "\r\nFN:Zero " + tag + "\r\nN:" + tag
				+ ";Zero;;;\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:4.0\r\nUID:urn:uuid:" + random + "\r\nFN:Random "
				+ tag + "\r\nN:" + tag + ";Random;;;\r\nEND:VCARD\r\n";
		assertThat(editor.send("POST", "/api/v1/imports", "text/vcard", file).status()).isEqualTo(200);

		assertThat(viewer.get("/api/v1/people/" + madeUp).status()).isEqualTo(404);
		assertThat(viewer.get("/api/v1/people/" + random).text("$.givenName")).isEqualTo("Random");
		assertThat(viewer.get("/api/v1/people?q=" + tag).json().get("items")).hasSize(2);
	}

}

package org.pressdesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.pressdesk.ApiTestSupport;
import org.pressdesk.Http;
import org.pressdesk.Http.Response;
import org.pressdesk.text.Folding;

class VcardImportTests extends ApiTestSupport {

	@Test
	void importsAnAppleCard() {
		Response response = importFile(fixture("apple.vcf"), false);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.number("$.created")).isEqualTo(1);
		JsonNode person = only("ayse.celik@apple-fixture.example");
		assertThat(person.get("familyName").asString()).isEqualTo("Çelik");
		assertThat(person.get("givenName").asString()).isEqualTo("Ayşe");
		assertThat(person.get("honorificPrefix").asString()).isEqualTo("Dr.");
		assertThat(person.get("displayName").asString()).isEqualTo("Dr. Ayşe Çelik");
		assertThat(person.get("linkedinUrl").asString()).isEqualTo("https://www.linkedin.com/in/ayse-celik-fixture");
		assertThat(person.get("phones").get(0).get("value").asString()).isEqualTo("+447700900501");
		assertThat(person.get("phones").get(0).get("kind").asString()).isEqualTo("MOBILE");
		assertThat(person.get("emails").get(0).get("primary").asBoolean()).isTrue();
		assertThat(person.get("emails").get(0).get("visibility").asString()).isEqualTo("INTERNAL");
		assertThat(person.get("notes").asString()).isEqualTo("Met at the optics conference");
		JsonNode affiliation = person.get("affiliations").get(0);
		assertThat(affiliation.get("organisationName").asString()).isEqualTo("Apple Example University");
		assertThat(affiliation.get("department").asString()).isEqualTo("Department of Physics");
		assertThat(affiliation.get("title").asString()).isEqualTo("Reader in Quantum Optics");
		assertThat(affiliation.get("primary").asBoolean()).isTrue();
	}

	@Test
	void applesGroupedPropertiesKeepTheirLabels() {
		String tag = unique("lbl");
		Response response = importFile(card("Grouped Labels " + tag, "N:Labels " + tag + ";Grouped;;;",
				"item1.TEL;type=pref:+44 1223 760001", "item1.X-ABLabel:Assistant", "item2.TEL:+44 1223 760002",
				"item2.X-ABLabel:_$!<Other>!$_", "TEL;TYPE=HOME:+44 1223 760003",
				"item3.EMAIL;type=INTERNET:" + tag + "@example.org", "item3.X-ABLabel:Press desk"), false);

		assertThat(response.number("$.created")).as(response.body()).isEqualTo(1);
		JsonNode person = only(tag + "@example.org");
		assertThat(person.get("phones").valueStream().map(phone -> phone.get("label").asString()))
			.as("every grouped property with its own label; Apple's built-in labels without their markers")
			.containsExactly("Assistant", "Other", "home");
		assertThat(person.at("/emails/0/label").asString()).isEqualTo("Press desk");
	}

	@Test
	void importsEveryCardOfAGoogleExport() {
		Response response = importFile(fixture("google.vcf"), false);

		assertThat(response.number("$.created")).isEqualTo(2);
		JsonNode liam = only("liam.oconnor@google-fixture.example");
		assertThat(liam.get("familyName").asString()).isEqualTo("O'Connor");
		assertThat(liam.get("emails")).hasSize(2);
		assertThat(liam.get("emails").get(1).get("label").asString()).isEqualTo("home");
		assertThat(liam.get("phones").get(0).get("value").asString()).isEqualTo("+442079460502");
		assertThat(liam.get("linkedinUrl").asString()).isEqualTo("https://www.linkedin.com/in/liam-oconnor-fixture");
		assertThat(liam.get("topics").valueStream().map(JsonNode::asString)).contains("energy");
		assertThat(only("mei.chen@google-fixture.example").get("displayName").asString()).isEqualTo("Mei Chen");
	}

	@Test
	void importsOutlookQuotedPrintableUtf8() {
		assertThat(importFile(fixture("outlook.vcf"), false).number("$.created")).isEqualTo(1);

		JsonNode person = only("juergen.mueller@outlook-fixture.example");
		assertThat(person.get("displayName").asString()).isEqualTo("Jürgen Müller");
		assertThat(person.get("familyName").asString()).isEqualTo("Müller");
		assertThat(person.get("phones").valueStream().map(p -> p.get("value").asString()))
			.containsExactly("+4930901820", "+4915123456789");
		assertThat(person.get("affiliations").get(0).get("organisationName").asString())
			.isEqualTo("Outlook Beispiel GmbH");
		assertThat(person.get("affiliations").get(0).get("department").asString())
			.isEqualTo("Forschung und Entwicklung");
	}

	@Test
	void importsAnAndroidCardWithFamilyFirstNameAndPhoneticReadings() {
		assertThat(importFile(fixture("android.vcf"), false).number("$.created")).isEqualTo(1);

		JsonNode person = only("hanako.yamada@android-fixture.example");
		assertThat(person.get("familyName").asString()).isEqualTo("山田");
		assertThat(person.get("nameOrder").asString()).isEqualTo("FAMILY_FIRST");
		assertThat(person.get("displayName").asString()).isEqualTo("山田 花子");
		assertThat(person.get("phoneticFamilyName").asString()).isEqualTo("Yamada");
		assertThat(person.get("phones").get(0).get("value").asString()).isEqualTo("+819012345678");
	}

	@Test
	void importsAThunderbirdVcard40KeepingItsUid() {
		assertThat(importFile(fixture("thunderbird.vcf"), false).number("$.created")).isEqualTo(1);

		JsonNode person = viewer.get("/api/v1/people/5e7c9a10-2b2f-4c1e-9d7a-0a1b2c3d4e5f").json();
		assertThat(person.get("displayName").asString()).isEqualTo("Søren Kierkegaard-Næss");
		assertThat(person.get("pronouns").asString()).isEqualTo("he/him");
		assertThat(person.get("phones").valueStream().map(p -> p.get("value").asString()))
			.containsExactly("+4532123456", "+4520123456");
		assertThat(person.get("phones").get(1).get("kind").asString()).isEqualTo("MOBILE");
	}

	@Test
	void exportImportExportGivesTheSameCards() {
		String tag = unique("tag");
		String top = editor.post("/api/v1/organisations", Http.toJson(Map.of("name", "Round Trip University " + tag)))
			.createdId();
		String unit = editor
			.post("/api/v1/organisations", Http.toJson(Map.of("name", "Institute of Returns " + tag, "parentId", top)))
			.createdId();
		String id = editor
			.post("/api/v1/people", Http
				.toJson(Map.ofEntries(Map.entry("honorificPrefix", "Professor Sir"), Map.entry("givenName", "Éowyn"),
						Map.entry("familyName", "Ståhlberg-Ng"), Map.entry("pronouns", "she/her"),
						Map.entry("linkedinUrl", "https://www.linkedin.com/in/eowyn-" + tag),
						Map.entry("emails",
								List.of(Map.of("value", tag + "@example.org"),
										Map.of("value", tag + "@home.example", "label", "home"))),
						// numbers of their own: one shared with another test's person
						// would
						// match them
						Map.entry("phones",
								List.of(Map.of("value", "+44 1223 " + digits(tag.substring(3, 9), 6)),
										Map.of("value", "+44 7700 9" + digits(tag.substring(8), 5), "kind", "MOBILE",
												"primary", true))),
						Map.entry("topics", List.of("materials", tag)))))
			.text("$.id");
		editor.post("/api/v1/people/" + id + "/affiliations",
				Http.toJson(Map.of("organisationId", unit, "title",
						"Director of Very Long Titles That Need Folding Across Lines", "department", "Press Office",
						"role", "Spokesperson")));
		// 4.0 first: it carries PRONOUNS, which a 3.0 round trip would drop before the
		// 4.0 one
		for (String version : List.of("?version=4.0", "")) {
			String before = viewer.get("/api/v1/people/" + id + "/vcard" + version).body();

			assertThat(editor.delete("/api/v1/people/" + id).status()).isEqualTo(204);
			Response imported = importFile(before, false);
			assertThat(imported.number("$.created")).as(imported.body()).isEqualTo(1);

			assertThat(withoutRev(viewer.get("/api/v1/people/" + id + "/vcard" + version).body()))
				.isEqualTo(withoutRev(before));
			Response person = viewer.get("/api/v1/people/" + id);
			assertThat(person.text("$.affiliations[0].organisationId"))
				.as("ORG's second component holds the units below the top: the person is back in their own unit")
				.isEqualTo(unit);
			assertThat(person.text("$.affiliations[0].department")).isEqualTo("Press Office");
			Response again = importFile(before, false);
			assertThat(again.number("$.unchanged")).as("a re-import updates, never duplicates").isEqualTo(1);
			assertThat(again.number("$.created")).isZero();
		}
	}

	@Test
	void matchesExistingPeopleInsteadOfDuplicatingThem() {
		String tag = unique("tag");
		String id = editor.post("/api/v1/people", Http.toJson(Map.of("givenName", "Ada", "familyName", "Known" + tag,
				"emails", List.of(Map.of("value", tag + "@example.org")))))
			.createdId();
		String card = card("Ada Known" + tag, "EMAIL:" + tag.toUpperCase() + "@EXAMPLE.ORG",
				"TEL;TYPE=cell:+44 7700 900777", "TITLE:Chair", "ORG:Known Org " + tag);

		Response response = importFile(card, false);

		assertThat(response.number("$.created")).isZero();
		assertThat(response.number("$.updated")).isEqualTo(1);
		JsonNode person = viewer.get("/api/v1/people/" + id).json();
		assertThat(person.get("phones").get(0).get("value").asString()).isEqualTo("+447700900777");
		assertThat(person.get("emails")).hasSize(1);
		assertThat(person.get("affiliations").get(0).get("organisationName").asString()).isEqualTo("Known Org " + tag);
		assertThat(importFile(card, false).number("$.unchanged")).isEqualTo(1);
	}

	@Test
	void findsOrganisationsByNameWithoutRegardToCaseOrAccents() {
		String tag = unique("tag");
		String organisation = editor
			.post("/api/v1/organisations", Http.toJson(Map.of("name", "Université Exemple " + tag)))
			.createdId();

		importFile(card("Org Matcher", "EMAIL:" + tag + "@example.org", "ORG:UNIVERSITE EXEMPLE " + tag.toUpperCase()),
				false);

		assertThat(only(tag + "@example.org").get("affiliations").get(0).get("organisationId").asString())
			.isEqualTo(organisation);
		assertThat(viewer.get("/api/v1/organisations?q=" + tag).json().get("items")).hasSize(1);
	}

	@Test
	void anOrganisationTheFileCreatesIsFoundByItsLaterCards() {
		String tag = unique("tag");
		String file = card("First Newcomer", "EMAIL:first-" + tag + "@example.org", "ORG:Fresh Institute " + tag)
				+ card("Second Newcomer", "EMAIL:second-" + tag + "@example.org",
						"ORG:FRESH INSTITUTE " + tag.toUpperCase() + ";Press Office");

		importFile(file, false);

		JsonNode first = only("first-" + tag + "@example.org").get("affiliations").get(0);
		JsonNode second = only("second-" + tag + "@example.org").get("affiliations").get(0);
		assertThat(second.get("organisationId").asString()).isEqualTo(first.get("organisationId").asString());
		assertThat(second.get("department").asString()).isEqualTo("Press Office");
		assertThat(viewer.get("/api/v1/organisations?q=" + tag).json().get("items")).hasSize(1);
	}

	@Test
	void mergesDuplicatesWithinOneFileAndReportsThem() {
		String tag = unique("tag");
		String file = card("Twin One", "EMAIL:" + tag + "@example.org")
				+ card("Twin One", "EMAIL:" + tag + "@example.org", "TEL:+44 20 7946 0999");

		JsonNode report = importFile(file, false).json();

		assertThat(report.get("created").asInt()).isEqualTo(1);
		assertThat(report.get("duplicates")).hasSize(1);
		assertThat(report.get("duplicates").get(0).get("card").asInt()).isEqualTo(2);
		assertThat(report.get("duplicates").get(0).get("reason").asString()).contains("card 1");
		assertThat(only(tag + "@example.org").get("phones").get(0).get("value").asString()).isEqualTo("+442079460999");
	}

	@Test
	void twoCardsOfSomeoneAlreadyThereBothCountAndAreAudited() {
		String tag = unique("tag");
		String organisation = editor
			.post("/api/v1/organisations", Http.toJson(Map.of("name", "Twice Named Org " + tag)))
			.createdId();
		String id = editor.post("/api/v1/people", Http.toJson(Map.of("givenName", "Ida", "familyName", "Known" + tag,
				"emails", List.of(Map.of("value", tag + "@example.org")))))
			.createdId();
		String file = card("Ida Known" + tag, "N:Known" + tag + ";Ida;;;", "EMAIL:" + tag + "@example.org",
				"TEL:+44 1223 760111", "ORG:Twice Named Org " + tag, "TITLE:Chair")
				+ card("Ida Known" + tag, "N:Known" + tag + ";Ida;;;", "EMAIL:" + tag + "@example.org",
						"CATEGORIES:" + tag, "ORG:Twice Named Org " + tag, "TITLE:Chair");

		JsonNode report = importFile(file, false).json();

		assertThat(report.get("updated").asInt()).isEqualTo(1);
		assertThat(report.get("people").get(0).get("changes").valueStream().map(JsonNode::asString))
			.containsExactly("phones", "affiliations");
		assertThat(report.get("people").get(1).get("outcome").asString()).isEqualTo("MERGED");
		assertThat(report.get("people").get(1).get("changes").valueStream().map(JsonNode::asString))
			.containsExactly("topics");
		JsonNode person = viewer.get("/api/v1/people/" + id).json();
		assertThat(person.get("phones").get(0).get("value").asString()).isEqualTo("+441223760111");
		assertThat(person.get("topics").valueStream().map(JsonNode::asString)).containsExactly(tag);
		assertThat(person.get("affiliations")).as("the second card's affiliation is the first's").hasSize(1);
		assertThat(person.get("affiliations").get(0).get("organisationId").asString()).isEqualTo(organisation);
		List<JsonNode> updates = admin.get("/api/v1/audit?limit=100&entity=person&entityId=" + id)
			.json()
			.get("items")
			.valueStream()
			.filter(event -> event.get("action").asString().equals("UPDATED"))
			.toList();
		assertThat(updates.stream()
			.map(event -> event.get("changedFields").valueStream().map(JsonNode::asString).toList()))
			.containsExactlyInAnyOrder(List.of("topics"), List.of("phones"));
	}

	@Test
	void reportsLikelyDuplicatesItDidNotMerge() {
		String tag = unique("tag");
		String sameName = editor.post("/api/v1/people", Http.toJson(Map.of("givenName", "Namesake", "familyName", tag)))
			.createdId();
		String byEmail = editor
			.post("/api/v1/people", Http
				.toJson(Map.of("familyName", "First" + tag, "emails", List.of(Map.of("value", tag + "@one.example")))))
			.createdId();
		String byPhone = editor
			.post("/api/v1/people", Http
				.toJson(Map.of("familyName", "Second" + tag, "phones", List.of(Map.of("value", "+44 20 7946 0888")))))
			.createdId();

		JsonNode report = importFile(
				card("Namesake " + tag, "N:" + tag + ";Namesake;;;", "EMAIL:" + tag + "@new.example")
						+ card("Both", "EMAIL:" + tag + "@one.example", "TEL:+44 20 7946 0888"),
				false)
			.json();

		assertThat(report.get("created").asInt()).isEqualTo(1);
		assertThat(report.get("duplicates")).hasSize(2);
		assertThat(report.get("duplicates").get(0).get("personIds").valueStream().map(JsonNode::asString))
			.containsExactly(sameName);
		assertThat(report.get("duplicates").get(1).get("personIds").valueStream().map(JsonNode::asString))
			.containsExactlyInAnyOrder(byEmail, byPhone);
		String suggestion = report.get("duplicates").get(0).get("suggestionIds").get(0).asString();
		assertThat(viewer.get("/api/v1/duplicates?person=" + sameName).<List<String>>at("$.items[*].id"))
			.as("the report names the pair as the duplicates list does")
			.containsExactly(suggestion);
	}

	@Test
	void theReportSaysWhatBecomesOfEachCardAndWhatChanges() {
		String tag = unique("rep");
		String updated = editor.post("/api/v1/people", Http.toJson(Map.of("givenName", "Una", "familyName",
				"Updated " + tag, "emails", List.of(Map.of("value", "una." + tag + "@example.org")))))
			.createdId();
		String unchanged = editor.post("/api/v1/people", Http.toJson(Map.of("givenName", "Ned", "familyName",
				"Unchanged " + tag, "emails", List.of(Map.of("value", "ned." + tag + "@example.org")))))
			.createdId();
		String file = card("New Person " + tag, "N:Person " + tag + ";New;;;", "EMAIL:new." + tag + "@example.org")
				+ card("Una Updated " + tag, "N:Updated " + tag + ";Una;;;", "EMAIL:una." + tag + "@example.org",
						"TEL:+44 1223 760555")
				+ card("Ned Unchanged " + tag, "N:Unchanged " + tag + ";Ned;;;", "EMAIL:ned." + tag + "@example.org")
				+ card("New Person " + tag, "N:Person " + tag + ";New;;;", "EMAIL:new." + tag + "@example.org",
						"TITLE:Again");

		JsonNode people = importFile(file, true).json().get("people");

		assertThat(people).hasSize(4);
		assertThat(people.get(0).get("outcome").asString()).isEqualTo("CREATED");
		assertThat(people.get(0).get("name").asString()).isEqualTo("New Person " + tag);
		assertThat(people.get(0).has("personId")).as("a dry run's new people are never written").isFalse();
		assertThat(people.get(1).get("outcome").asString()).isEqualTo("UPDATED");
		assertThat(people.get(1).get("personId").asString()).isEqualTo(updated);
		assertThat(people.get(1).get("changes").valueStream().map(JsonNode::asString)).containsExactly("phones");
		assertThat(people.get(2).get("outcome").asString()).isEqualTo("UNCHANGED");
		assertThat(people.get(2).get("personId").asString()).isEqualTo(unchanged);
		assertThat(people.get(3).get("outcome").asString()).isEqualTo("MERGED");
	}

	@Test
	void aDryRunReportsEverythingAndChangesNothing() {
		String tag = unique("tag");

		Response response = importFile(card("Dry Run", "EMAIL:" + tag + "@example.org", "ORG:Dry Org " + tag), true);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("dryRun").asBoolean()).isTrue();
		assertThat(response.number("$.created")).isEqualTo(1);
		assertThat(viewer.get("/api/v1/people?q=" + tag).json().get("items")).isEmpty();
		assertThat(viewer.get("/api/v1/organisations?q=" + tag).json().get("items")).isEmpty();
	}

	@Test
	void aFileWithARejectedCardImportsNothingAndNamesCardFieldAndReason() {
		String tag = unique("tag");
		String file = card("Good One", "EMAIL:" + tag + "@one.example") + "BEGIN:VCARD\r\nVERSION:3.0\r\nEMAIL:" + tag
				+ "@noname.example\r\nEND:VCARD\r\n" + card("Bad Phone", "TEL:+44 12")
				+ card("Good Two", "EMAIL:" + tag + "@two.example");

		Response response = importFile(file, false);

		assertThat(response.status()).isEqualTo(422);
		JsonNode errors = response.json().get("errors");
		assertThat(errors).hasSize(2);
		assertThat(errors.get(0).get("card").asInt()).isEqualTo(2);
		assertThat(errors.get(0).get("field").asString()).isEqualTo("FN");
		assertThat(errors.get(1).get("card").asInt()).isEqualTo(3);
		assertThat(errors.get(1).get("field").asString()).isEqualTo("TEL");
		assertThat(viewer.get("/api/v1/people?q=" + tag).json().get("items")).isEmpty();
	}

	@Test
	void rejectsBrokenFiles() {
		String tag = unique("tag");
		Response noEnd = importFile(
				card("Fine", "EMAIL:" + tag + "@example.org") + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cut Off\r\n", false);
		Response huge = importFile(card("Huge", "NOTE:" + "x".repeat(30_000)), false);
		Response neither = editor.send("POST", "/api/v1/imports", "application/octet-stream", "just some text");
		Response empty = editor.send("POST", "/api/v1/imports", "text/vcard", "");

		assertThat(noEnd.status()).isEqualTo(422);
		assertThat(noEnd.text("$.errors[0].field")).isEqualTo("END");
		assertThat(noEnd.number("$.errors[0].card")).isEqualTo(2);
		assertThat(huge.status()).isEqualTo(422);
		assertThat(huge.text("$.errors[0].message")).contains("longer than");
		assertThat(neither.status()).isEqualTo(400);
		assertThat(neither.errorFields()).containsExactly("file");
		assertThat(empty.status()).isEqualTo(400);
		assertThat(viewer.get("/api/v1/people?q=" + tag).json().get("items")).isEmpty();
	}

	@Test
	void refusesInvalidUtf8() throws Exception {
		byte[] latin1 = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:L\u00f3pez\r\nEND:VCARD\r\n"
			.getBytes(StandardCharsets.ISO_8859_1);
		var request = java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/imports"))
			.header("Authorization", editor.authorization())
			.header("Content-Type", "text/vcard")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(latin1))
			.build();
		var response = java.net.http.HttpClient.newHttpClient()
			.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("UTF-8");
	}

	@Test
	void importsCsvWithTheDocumentedHeader() {
		String tag = unique("tag");
		String csv = "givenName,familyName,emails,phones,organisation,title,topics,source\r\n" + "Cora,Csv" + tag
				+ ",\"" + tag + "@csv.example; other" + tag + "@csv.example\",'+44 20 7946 0111," + "CSV Org " + tag
				+ ",Editor,\"trade; " + tag + "\",'=spreadsheet\r\n";

		Response response = editor.send("POST", "/api/v1/imports", "text/csv", csv);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode person = only(tag + "@csv.example");
		assertThat(person.get("emails")).hasSize(2);
		assertThat(person.get("phones").get(0).get("value").asString()).isEqualTo("+442079460111");
		assertThat(person.get("source").asString()).isEqualTo("=spreadsheet");
		assertThat(person.get("affiliations").get(0).get("title").asString()).isEqualTo("Editor");
		Response unknownColumn = editor.send("POST", "/api/v1/imports", "text/csv", "givenName,shoeSize\r\nA,42\r\n");
		assertThat(unknownColumn.status()).isEqualTo(422);
		assertThat(unknownColumn.text("$.errors[0].field")).isEqualTo("shoeSize");
	}

	@Test
	void onlyEditorsImport() {
		assertThat(viewer.send("POST", "/api/v1/imports", "text/vcard", card("X", "EMAIL:x@example.org")).status())
			.isEqualTo(403);
		assertThat(anonymous.send("POST", "/api/v1/imports", "text/vcard", card("X", "EMAIL:x@example.org")).status())
			.isEqualTo(401);
	}

	private Response importFile(String file, boolean dryRun) {
		return editor.send("POST", "/api/v1/imports" + (dryRun ? "?dryRun=true" : ""), "text/vcard", file);
	}

	private JsonNode only(String email) {
		JsonNode items = viewer.get("/api/v1/people?q=" + Http.query(email)).json().get("items");
		assertThat(items).as(email).hasSize(1);
		return viewer.get("/api/v1/people/" + items.get(0).get("id").asString()).json();
	}

	static String card(String fn, String... lines) {
		return "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:" + fn + "\r\n" + String.join("\r\n", lines)
				+ (lines.length > 0 ? "\r\n" : "") + "END:VCARD\r\n";
	}

	/** {@code n} decimal digits made from hexadecimal ones. */
	private static String digits(String hex, int n) {
		return String.format("%0" + n + "d", Long.parseLong(hex, 16) % (long) Math.pow(10, n));
	}

	private static String withoutRev(String card) {
		return card.replaceAll("REV:[^\r]*\r\n", "");
	}

	private static String fixture(String name) {
		try (InputStream in = VcardImportTests.class.getResourceAsStream("/vcard/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

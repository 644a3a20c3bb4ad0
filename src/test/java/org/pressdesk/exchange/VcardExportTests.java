package org.pressdesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import net.fortuna.ical4j.vcard.Property;
import net.fortuna.ical4j.vcard.VCard;
import net.fortuna.ical4j.vcard.property.N;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.pressdesk.ApiTestSupport;
import org.pressdesk.Http;
import org.pressdesk.Http.Response;
import org.pressdesk.text.Folding;
import org.pressdesk.text.LinkedIn;

/** What address books get: checked with parsers that share no code with ez-vcard. */
class VcardExportTests extends ApiTestSupport {

	private String personId;

	private String tag;

	@BeforeEach
	void person() {
		tag = unique("tag");
		String university = editor
			.post("/api/v1/organisations", Http.toJson(Map.of("name", "Université de Cité " + tag)))
			.createdId();
		String institute = editor
			.post("/api/v1/organisations",
					Http.toJson(Map.of("name", "Institute for Manufacturing", "parentId", university)))
			.createdId();
		personId = editor.post("/api/v1/people",
				Http.toJson(Map.ofEntries(Map.entry("honorificPrefix", "Professor Sir"), Map.entry("givenName", "José"),
						Map.entry("familyName", "Núñez-Ørsted"), Map.entry("honorificSuffix", "FRS"),
						Map.entry("pronouns", "he/him"),
						Map.entry("linkedinUrl", "https://www.linkedin.com/in/jose-nunez"),
						Map.entry("emails", List.of(Map.of("value", "jose@example.ac.uk", "visibility", "PUBLIC"))),
						Map.entry("phones",
								List.of(Map.of("value", "+44 (0) 1223 000000", "visibility", "PUBLIC"),
										Map.of("value", "07700 900123", "kind", "MOBILE"))),
						Map.entry("topics", List.of("industrial policy", tag)),
						Map.entry("notes", "INTERNAL-NOTE-" + tag + " never leaves"))))
			.text("$.id");
		editor.post("/api/v1/people/" + personId + "/affiliations",
				Http.toJson(Map.of("organisationId", institute, "title",
						"National Technology Adviser and Chair of the Very Long Committee Name for Folding",
						"department", "Policy Links", "role", "Spokesperson", "primary", true)));
	}

	@Test
	void writesAVcard30ThatAnOutsideParserReadsFieldByField() {
		Response response = viewer.get("/api/v1/people/" + personId + "/vcard");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Type")).isEqualToIgnoringCase("text/vcard;charset=UTF-8");
		assertThat(response.header("Content-Disposition"))
			.startsWith("attachment; filename=\"Professor Sir Jose Nunez-")
			.contains("filename*=UTF-8''Professor%20Sir%20Jos%C3%A9%20N%C3%BA%C3%B1ez-%C3%98rsted%20FRS.vcf");
		assertWellFormed(response.body());
		assertThat(response.body()).contains("VERSION:3.0").doesNotContain("INTERNAL-NOTE").doesNotContain("NOTE");

		VCard card = OutsideParsers.ical4j(response.body()).get(0);
		N name = card.getProperty(Property.Id.N);
		assertThat(name.getFamilyName()).isEqualTo("Núñez-Ørsted");
		assertThat(name.getGivenName()).isEqualTo("José");
		assertThat(name.getPrefixes()).containsExactly("Professor Sir");
		assertThat(name.getSuffixes()).containsExactly("FRS");
		assertThat(value(card, Property.Id.FN)).isEqualTo("Professor Sir José Núñez-Ørsted FRS");
		assertThat(value(card, Property.Id.ORG))
			.as("two components, which Thunderbird, Evolution and KDE all keep: the person's own unit survives")
			.isEqualTo("Université de Cité " + tag + ";Institute for Manufacturing › Policy Links");
		assertThat(value(card, Property.Id.TITLE))
			.isEqualTo("National Technology Adviser and Chair of the Very Long Committee Name for Folding");
		assertThat(value(card, Property.Id.ROLE)).isEqualTo("Spokesperson");
		assertThat(values(card, Property.Id.TEL)).containsExactly("+44 1223 000000", "+44 7700 900123");
		assertThat(values(card, Property.Id.EMAIL)).containsExactly("jose@example.ac.uk");
		assertThat(values(card, Property.Id.URL)).containsExactly("https://www.linkedin.com/in/jose-nunez");
		assertThat(value(card, Property.Id.UID)).isEqualTo("urn:uuid:" + personId);
		assertThat(card.getExtendedProperty("X-SOCIALPROFILE").getValue())
			.isEqualTo("https://www.linkedin.com/in/jose-nunez");
		assertThat(response.body()).as("a plain URL: KDE ignores a grouped one, and 3.0 gives URL no TYPE")
			.contains("\r\nURL:https://www.linkedin.com/in/jose-nunez\r\n")
			.doesNotContain("item1.")
			.contains("TEL;TYPE=cell,work:+44 7700 900123\r\n")
			.contains("EMAIL;TYPE=work,internet,pref:jose@example.ac.uk\r\n")
			.containsPattern("REV:\\d{4}-\\d\\d-\\d\\dT");
		assertThat(response.body()).as("pronouns exist only in 4.0").doesNotContain("PRONOUNS");
	}

	@Test
	void writesVcard40OnRequestWithPronounsAndSocialProfile() {
		Response byParameter = viewer.get("/api/v1/people/" + personId + "/vcard?version=4.0");
		Response byAccept = viewer.get("/api/v1/people/" + personId + "/vcard", "Accept", "text/vcard;version=4.0");

		for (Response response : List.of(byParameter, byAccept)) {
			assertThat(response.status()).isEqualTo(200);
			assertWellFormed(response.body());
			assertThat(response.body()).contains("VERSION:4.0\r\n")
				.contains("PRONOUNS:he/him\r\n")
				.as("4.0 has no internet type")
				.contains("EMAIL;TYPE=work;PREF=1:jose@example.ac.uk\r\n")
				.doesNotContainIgnoringCase("internet")
				.contains("SOCIALPROFILE;SERVICE-TYPE=LinkedIn:https://www.linkedin.com/in/jose-nunez\r\n");
			VCard card = OutsideParsers.ical4j(response.body()).get(0);
			assertThat(value(card, Property.Id.FN)).isEqualTo("Professor Sir José Núñez-Ørsted FRS");
		}
		assertThat(viewer.get("/api/v1/people/" + personId + "/vcard?version=5.0").errorFields())
			.containsExactly("version");
	}

	@Test
	void aKanaReadingIsNotASortAsParameterWhichKdeWouldReadAsLatin1() {
		String kana = editor
			.post("/api/v1/people", Http.toJson(Map.of("givenName", "隆大", "familyName", "上山", "nameOrder",
					"FAMILY_FIRST", "phoneticGivenName", "たかひろ", "phoneticFamilyName", "うえやま")))
			.createdId();
		String romanised = editor
			.post("/api/v1/people", Http.toJson(Map.of("givenName", "花子", "familyName", "山田", "nameOrder",
					"FAMILY_FIRST", "phoneticGivenName", "Hanako", "phoneticFamilyName", "Yamada")))
			.createdId();

		assertThat(viewer.get("/api/v1/people/" + kana + "/vcard?version=4.0").body()).doesNotContain("SORT-AS")
			.contains("X-PHONETIC-LAST-NAME:うえやま\r\n", "X-PHONETIC-FIRST-NAME:たかひろ\r\n");
		assertThat(viewer.get("/api/v1/people/" + romanised + "/vcard?version=4.0").body())
			.contains("N;SORT-AS=Yamada,Hanako:山田;花子;;;\r\n");
	}

	@Test
	void writesAnOutlookCardAsQuotedPrintableUtf8() {
		Response response = viewer.get("/api/v1/people/" + personId + "/vcard?target=outlook");

		assertThat(response.status()).isEqualTo(200);
		String body = response.body();
		assertThat(body).startsWith("BEGIN:VCARD\r\nVERSION:2.1\r\n").doesNotContain("\n\n");
		assertThat(body.chars().allMatch(c -> c < 128)).as("everything non-ASCII is quoted-printable").isTrue();
		String fn = body.lines().filter(l -> l.startsWith("FN")).findFirst().orElseThrow();
		assertThat(fn).startsWith("FN;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:");
		assertThat(decodeQuotedPrintable(fn.substring(fn.indexOf(':') + 1)))
			.isEqualTo("Professor Sir José Núñez-Ørsted FRS");
		assertThat(body.lines().filter(l -> l.startsWith("TEL")).toList()).allMatch(l -> l.contains("TYPE="));
		assertThat(body.lines().filter(l -> l.contains("URL")).toList()).allMatch(l -> l.contains("TYPE="));
		assertThat(body.split("BEGIN:VCARD", -1)).as("one card").hasSize(2);
	}

	@Test
	void python3VobjectReadsAllThreeVariants() throws Exception {
		assumeTrue(OutsideParsers.vobjectAvailable() || "true".equals(System.getenv("CI")),
				"python3-vobject is not installed (.ci/run installs it; CI requires it)");
		for (String query : List.of("", "?version=4.0", "?target=outlook")) {
			JsonNode card = OutsideParsers.vobject(viewer.get("/api/v1/people/" + personId + "/vcard" + query).body())
				.get(0);
			assertThat(card.get("FN").get(0).asString()).as(query).isEqualTo("Professor Sir José Núñez-Ørsted FRS");
			assertThat(card.get("N").get(0).get("family").asString()).as(query).isEqualTo("Núñez-Ørsted");
			assertThat(card.get("TEL").valueStream().map(JsonNode::asString)).as(query)
				.containsExactly("+44 1223 000000", "+44 7700 900123");
			assertThat(card.get("TITLE").get(0).asString()).as(query).startsWith("National Technology Adviser");
		}
	}

	@Test
	void foldsLongNonLatinLinesAt75OctetsWithoutSplittingACharacter() {
		String longName = "山田太郎".repeat(12);
		String id = editor
			.post("/api/v1/people", Http.toJson(Map.of("familyName", longName, "givenName", "花子", "nameOrder",
					"FAMILY_FIRST", "phoneticFamilyName", "Yamada", "phoneticGivenName", "Hanako")))
			.createdId();

		String body = viewer.get("/api/v1/people/" + id + "/vcard").body();

		assertWellFormed(body);
		assertThat(body).contains("\r\n ");
		VCard card = OutsideParsers.ical4j(body).get(0);
		assertThat(value(card, Property.Id.FN)).isEqualTo(longName + " 花子");
		assertThat(card.getExtendedProperty("X-PHONETIC-LAST-NAME").getValue()).isEqualTo("Yamada");
		assertThat(body).contains("SORT-STRING:Yamada Hanako\r\n");
	}

	@Test
	void exportsEveryoneMatchingASearchAsOneFile() {
		String second = editor
			.post("/api/v1/people",
					Http.toJson(Map.of("givenName", "Ann", "familyName", "Other", "topics", List.of(tag))))
			.createdId();

		Response vcards = viewer.get("/api/v1/people/export?format=vcard&q=" + tag);

		assertThat(vcards.status()).isEqualTo(200);
		assertThat(vcards.header("Content-Type")).startsWithIgnoringCase("text/vcard");
		assertWellFormed(vcards.body());
		List<VCard> cards = OutsideParsers.ical4j(vcards.body());
		assertThat(cards).hasSize(2);
		assertThat(cards.stream().map(c -> value(c, Property.Id.UID))).containsExactlyInAnyOrder("urn:uuid:" + personId,
				"urn:uuid:" + second);
		assertThat(viewer.get("/api/v1/people/export?format=xml").errorFields()).containsExactly("format");
	}

	@Test
	void theExportIsEachPersonsOwnCardInOrderOfNameAndFollowsTheirChanges() {
		String second = editor
			.post("/api/v1/people",
					Http.toJson(Map.of("givenName", "Ann", "familyName", "Other", "topics", List.of(tag))))
			.createdId();
		String organisation = editor.post("/api/v1/organisations", Http.toJson(Map.of("name", "Renamed Later " + tag)))
			.createdId();
		editor.post("/api/v1/people/" + second + "/affiliations",
				Http.toJson(Map.of("organisationId", organisation, "title", "Head of Press")));

		// the cards are made when people are indexed (ExportCards): after a change of
		// the person or of their organisation they must be made again
		editor.patch("/api/v1/people/" + second,
				Http.toJson(Map.of("phones", List.of(Map.of("value", "+44 1223 765432")))));
		editor.patch("/api/v1/organisations/" + organisation, Http.toJson(Map.of("name", "Renamed Now " + tag)));

		String export = viewer.get("/api/v1/people/export?format=vcard&q=" + tag).body();
		// in order of family name, accents aside: Núñez-Ørsted, then Other
		assertThat(export).isEqualTo(viewer.get("/api/v1/people/" + personId + "/vcard").body()
				+ viewer.get("/api/v1/people/" + second + "/vcard").body());
		assertThat(export).contains(":+44 1223 765432").contains("ORG:Renamed Now " + tag);
	}

	@Test
	void exportsCsvThatASpreadsheetCannotRunAsFormulas() {
		String id = editor
			.post("/api/v1/people", Http.toJson(Map.of("givenName", "=HYPERLINK(\"http://evil.example\")", "familyName",
					"@SUM(A1)", "topics", List.of(tag + "-csv"), "source", "-2+3")))
			.createdId();

		Response csv = viewer.get("/api/v1/people/export?format=csv&q=" + tag + "-csv");

		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).startsWithIgnoringCase("text/csv");
		String[] lines = csv.body().split("\r\n");
		assertThat(lines[0]).isEqualTo(String.join(",", PeopleCsv.COLUMNS));
		assertThat(lines).hasSize(2);
		assertThat(lines[1]).startsWith(id + ",")
			.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\")\",")
			.contains(",'@SUM(A1),")
			.endsWith(",'-2+3");
	}

	@Test
	void staffNeedToBeSignedInAndPeopleToExist() {
		assertThat(anonymous.get("/api/v1/people/" + personId + "/vcard").status()).isEqualTo(401);
		assertThat(anonymous.get("/api/v1/people/export").status()).isEqualTo(401);
		assertThat(viewer.get("/api/v1/people/00000000-0000-0000-0000-000000000000/vcard").status()).isEqualTo(404);
	}

	/** UTF-8 without BOM, CRLF only, no line over 75 octets. */
	static void assertWellFormed(String body) {
		assertThat(body).doesNotStartWith("\uFEFF");
		assertThat(body.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
		for (String line : body.split("\r\n")) {
			assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
		}
	}

	private static String value(VCard card, Property.Id id) {
		return card.getProperty(id).getValue();
	}

	private static List<String> values(VCard card, Property.Id id) {
		return card.getProperties(id).stream().map(Property::getValue).toList();
	}

	private static String decodeQuotedPrintable(String text) {
		var bytes = new java.io.ByteArrayOutputStream();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '=' && i + 2 < text.length()) {
				bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
				i += 2;
			}
			else {
				bytes.write(c);
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

}

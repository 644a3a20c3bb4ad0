package org.pressdesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import org.junit.jupiter.api.Test;

import org.pressdesk.ApiTestSupport;
import org.pressdesk.Http;
import org.pressdesk.Http.Response;

/**
 * Every value the API accepts can be written in every card format: the penetration test's
 * one {@code "} in a phonetic name made every vCard 4.0 with that person answer 500, and
 * cut the whole-directory export off mid-card.
 */
class HostileValueCardTests extends ApiTestSupport {

	/**
	 * Quotes, the separators of vCard (; , : \ and ^ of RFC 6868), and a non-Latin
	 * letter.
	 */
	private static final String NASTY = "O\"Brien; Sr, \\ ^ : 'x' の";

	@Test
	void aPersonWithQuotesAndSeparatorsInEveryFieldGetsEveryCardFormat() {
		String tag = unique("Hostile");
		String organisation = editor.post("/api/v1/organisations", Http.toJson(Map.of("name", NASTY + " " + tag)))
			.createdId();
		String id = editor
			.post("/api/v1/people", Http.toJson(Map.ofEntries(Map.entry("honorificPrefix", NASTY),
					Map.entry("givenName", NASTY), Map.entry("additionalNames", NASTY),
					Map.entry("familyName", tag + NASTY), Map.entry("honorificSuffix", NASTY),
					Map.entry("phoneticGivenName", NASTY), Map.entry("phoneticFamilyName", NASTY),
					Map.entry("pronouns", NASTY), Map.entry("topics", List.of(NASTY)),
					Map.entry("emails",
							List.of(Map.of("value", tag.toLowerCase() + "@example.org", "label", NASTY, "visibility",
									"PUBLIC"))),
					Map.entry("phones",
							List.of(Map.of("value", "+44 1223 760000", "label", NASTY, "visibility", "PUBLIC"))))))
			.text("$.id");
		assertThat(editor
			.post("/api/v1/people/" + id + "/affiliations",
					Http.toJson(Map.of("organisationId", organisation, "title", NASTY, "department", NASTY, "role",
							NASTY, "primary", true)))
			.status()).isEqualTo(201);
		String slug = editor
			.send("PUT", "/api/v1/articles/by-ref/" + tag, "application/json",
					Http.toJson(Map.of("title", "Hostile " + tag, "status", "PUBLISHED")))
			.text("$.slug");
		String articleId = viewer.get("/api/v1/articles?externalRef=" + tag).text("$.items[0].id");
		assertThat(editor
			.send("PUT", "/api/v1/articles/" + articleId + "/contacts", "application/json",
					Http.toJson(List.of(Map.of("personId", id, "role", "PRESS_CONTACT"))))
			.status()).isEqualTo(200);

		for (String variant : List.of("", "?version=4.0", "?target=outlook")) {
			assertReadable(viewer.get("/api/v1/people/" + id + "/vcard" + variant), 1, "person " + variant);
			assertReadable(anonymous.get("/press/" + slug + "/contacts.vcf" + variant), 1, "public file " + variant);
			assertReadable(anonymous.get("/press/" + slug + "/contacts/" + id + ".vcf" + variant), 1,
					"public card " + variant);
			assertReadable(viewer.get("/api/v1/articles/" + articleId + "/contacts/vcard" + variant), 1,
					"article " + variant);
		}
		for (String version : List.of("3.0", "4.0")) {
			assertReadable(viewer.get("/api/v1/people/export?format=vcard&version=" + version + "&q=" + tag), 1,
					"export " + version);
		}
		Response csv = viewer.get("/api/v1/people/export?format=csv&q=" + tag);
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.body()).contains("\"O\"\"Brien; Sr");

		VCard card = Ezvcard.parse(viewer.get("/api/v1/people/" + id + "/vcard?version=4.0").body()).first();
		assertThat(card.getStructuredName().getSortAs())
			.as("a reading beyond ASCII is no SORT-AS parameter (KDE reads parameters as Latin-1)")
			.isEmpty();
		assertThat(card.getExtendedProperty("X-PHONETIC-FIRST-NAME").getValue()).isEqualTo(NASTY);
		String ascii = NASTY.replace(" の", "");
		String romanised = editor
			.post("/api/v1/people",
					Http.toJson(
							Map.of("familyName", tag + "R", "phoneticGivenName", ascii, "phoneticFamilyName", ascii)))
			.createdId();
		assertThat(Ezvcard.parse(viewer.get("/api/v1/people/" + romanised + "/vcard?version=4.0").body())
			.first()
			.getStructuredName()
			.getSortAs()).as("the readings, as sort keys, quotes and separators intact").containsExactly(ascii, ascii);
	}

	private static void assertReadable(Response response, int cards, String what) {
		assertThat(response.status()).as("%s: %s", what, response.body()).isEqualTo(200);
		List<VCard> parsed = Ezvcard.parse(response.body()).all();
		assertThat(parsed).as(what).hasSize(cards);
		assertThat(parsed.get(0).getFormattedName().getValue()).as(what).contains("O\"Brien");
		assertThat(response.body()).as(what).endsWith("END:VCARD\r\n");
	}

}

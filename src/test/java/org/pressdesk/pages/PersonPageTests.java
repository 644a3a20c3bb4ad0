package org.pressdesk.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.pressdesk.ApiTestSupport;
import org.pressdesk.Browser;
import org.pressdesk.Http;
import org.pressdesk.SeedDirectory;

import org.springframework.web.util.HtmlUtils;

/** A person's page and edit form with the seed's people, over HTTP without a browser. */
class PersonPageTests extends ApiTestSupport {

	private SeedDirectory seed;

	private Browser browser;

	@BeforeEach
	void seed() {
		seed = SeedDirectory.create(editor, unique("pp"));
		browser = new Browser(port);
		browser.login("test-editor", STAFF_PASSWORD);
	}

	@Test
	void formEditsOfAnAffiliationAndAnArticleAreAuditedWithWhatChangedOnly() {
		String affiliation = viewer.get("/api/v1/people/" + seed.gregory()).text("$.affiliations[0].id");
		String path = "/people/" + seed.gregory() + "/affiliations/" + affiliation + "/edit";
		Map<String, String> form = Browser.formFields(browser.get(path).body());
		form.put("title", "Chair Emeritus");
		assertThat(browser.post(path, form).statusCode()).isEqualTo(302);
		Map<String, String> article = Browser.formFields(browser.get("/articles/" + seed.articleId()).body());
		article.put("title", "Renamed " + seed.tag());
		assertThat(browser.post("/articles/" + seed.articleId(), article).statusCode()).isEqualTo(302);

		List<String> affiliationChanges = admin
			.get("/api/v1/audit?entity=affiliation&entityId=" + affiliation + "&action=UPDATED")
			.at("$.items[0].changedFields");
		List<String> articleChanges = admin
			.get("/api/v1/audit?entity=article&entityId=" + seed.articleId() + "&action=UPDATED")
			.at("$.items[0].changedFields");
		assertThat(affiliationChanges).containsExactly("title");
		assertThat(articleChanges).containsExactly("title");
	}

	@Test
	void theHomePageShowsWhoChangedAndWhatWasPublishedRecentlyUntilASearch() {
		editor.patch("/api/v1/people/" + seed.gregory(), "{\"pronouns\": \"he/him\"}");

		String home = HtmlUtils.htmlUnescape(browser.get("/").body());

		assertThat(home).contains("Changed recently", "Professor Sir Mike Gregory " + seed.tag(), "Published recently",
				"Strengthening ties " + seed.tag());
		assertThat(browser.get("/?q=" + seed.tag()).body()).doesNotContain("Changed recently");
	}

	@Test
	void aPersonWhoMayBeSomeoneElseSaysWhoAndWhy() {
		String email = "may.be." + seed.tag().toLowerCase() + "@example.org";
		String one = editor
			.post("/api/v1/people",
					"{\"givenName\": \"Maybe\", \"familyName\": \"Once\", \"emails\": [{\"value\": \"" + email
							+ "\"}]}")
			.createdId();
		String other = editor
			.post("/api/v1/people",
					"{\"givenName\": \"Maybe\", \"familyName\": \"Twice\", \"emails\": [{\"value\": \"" + email
							+ "\"}]}")
			.createdId();

		String page = HtmlUtils.htmlUnescape(browser.get("/people/" + one).body());
		assertThat(page).contains("May be the same as", "/people/" + other, "Maybe Twice", "the same email, " + email);
		// a name no one else has (letters only: its sound is its own), and nothing shared
		String alone = editor
			.post("/api/v1/people",
					"{\"givenName\": \"Solitary\", \"familyName\": \"" + lettersOnly(unique("")) + "\"}")
			.createdId();
		assertThat(browser.get("/people/" + alone).body()).doesNotContain("May be the same as");
	}

	@Test
	void anAffiliationShowsWhereItsOrganisationSitsInTheTree() {
		String page = browser.get("/people/" + seed.lopezGomez()).body();

		assertThat(page)
			.contains("(University of Cambridge " + seed.tag() + " › Institute for Manufacturing " + seed.tag() + ")");
	}

	@Test
	void aFamilyFirstNameIsReadFamilyFirst() {
		String page = browser.get("/people/" + seed.ueyama()).body();

		assertThat(page).contains("Reading: うえやま たかひろ").doesNotContain("たかひろ うえやま");
	}

	@Test
	void anEditOfOnePhoneIsAuditedAsAChangeOfThePhonesOnly() {
		String edit = browser.get("/people/" + seed.lopezGomez() + "/edit").body();
		Map<String, String> form = Browser.formFields(edit);
		form.put("phones[0].value", "+44 1223 764658");

		assertThat(browser.post("/people/" + seed.lopezGomez() + "/edit", form).statusCode()).isEqualTo(302);

		List<String> changed = admin
			.get("/api/v1/audit?entity=person&entityId=" + seed.lopezGomez() + "&action=UPDATED")
			.at("$.items[0].changedFields");
		assertThat(changed).containsExactly("phones");
	}

	@Test
	void searchResultsShowTheWholeChainAndSayWhatTheyCopyOrCallAndWhatIsInternal() {
		String internalOnly = editor
			.post("/api/v1/people",
					Http.toJson(Map.of("givenName", "Ines", "familyName", "Internal-" + seed.tag(), "emails",
							List.of(Map.of("value", "ines." + seed.tag() + "@example.org")), "phones",
							List.of(Map.of("value", "07700 900456", "kind", "MOBILE", "label", "mobile")))))
			.createdId();

		String lopez = browser.get("/people/results?q=" + Http.query("López-Gómez " + seed.tag())).body();
		String ines = browser.get("/people/results?q=" + Http.query("Internal-" + seed.tag())).body();

		assertThat(HtmlUtils.htmlUnescape(lopez)).contains(
				"Head of Policy Links, University of Cambridge " + seed.tag() + " › Institute for Manufacturing "
						+ seed.tag() + " › Cambridge Industrial Innovation Policy " + seed.tag(),
				"Copy carlos." + seed.tag().toLowerCase() + "@ifm.example.ac.uk<", "Call +44 1223 764657<");
		assertThat(HtmlUtils.htmlUnescape(ines)).contains("Copy ines." + seed.tag() + "@example.org (internal)",
				"Call +44 7700 900456 (internal)");
		assertThat(HtmlUtils.htmlUnescape(browser.get("/people/" + internalOnly).body()))
			.as("a label that repeats the kind is not shown twice")
			.contains(">Mobile<")
			.doesNotContain("obile, mobile");
	}

	@Test
	void organisationKindsAreWordsAndAPersonWithoutContactPointsSaysSo() {
		String nobody = editor.post("/api/v1/people", Http.toJson(Map.of("familyName", "Unreachable-" + seed.tag())))
			.createdId();
		editor.patch("/api/v1/organisations/" + seed.university(), "{\"kind\": \"UNIVERSITY\"}");

		assertThat(browser.get("/organisations?q=" + Http.query("University of Cambridge " + seed.tag())).body())
			.contains(">University<")
			.doesNotContain(">UNIVERSITY<");
		assertThat(browser.get("/organisations/" + seed.university()).body()).contains(">University<");
		assertThat(HtmlUtils.htmlUnescape(
				browser.get("/organisations?q=" + Http.query("Cambridge Industrial Innovation Policy " + seed.tag()))
					.body()))
			.as("the list says where each organisation sits")
			.contains("in University of Cambridge " + seed.tag() + " › Institute for Manufacturing " + seed.tag());
		assertThat(browser.get("/people/" + nobody).body()).contains("No email, phone or LinkedIn profile yet.");
	}

	@Test
	void anEditorAddsAPersonWithTheirFirstAffiliationAfterBeingOfferedTheOneTheyMayBe() {
		Map<String, String> form = Browser.formFields(browser.get("/people/new").body());
		form.put("honorificPrefix", "Dr");
		form.put("givenName", "Carla");
		form.put("familyName", "Lopes " + seed.tag());
		form.put("emails[0].value", "carlos." + seed.tag().toLowerCase() + "@ifm.example.ac.uk");
		form.put("phones[0].value", "01223 760999");
		form.put("organisation", "Institute for Manufacturing " + seed.tag());
		form.put("title", "Research Associate");

		String offered = HtmlUtils.htmlUnescape(browser.post("/people/new", form).body());
		assertThat(offered).as("the same email as López-Gómez")
			.contains("This may be someone already in the directory", "Dr Carlos López-Gómez " + seed.tag())
			.contains("value=\"Lopes " + seed.tag() + "\"");
		assertThat(viewer.get("/api/v1/people?q=" + Http.query("Carla Lopes " + seed.tag())).json().get("items"))
			.as("no one was added yet (Lopes alone finds López-Gómez, spelt and sounding alike)")
			.isEmpty();

		form.put("createAnyway", "true");
		var created = browser.post("/people/new", form);
		assertThat(created.statusCode()).isEqualTo(302);
		String id = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/people/([^?]+).*", "$1");
		var person = viewer.get("/api/v1/people/" + id);
		assertThat(person.text("$.displayName")).isEqualTo("Dr Carla Lopes " + seed.tag());
		assertThat(person.text("$.phones[0].value")).isEqualTo("+441223760999");
		assertThat(person.text("$.affiliations[0].organisationId")).isEqualTo(seed.institute());
		assertThat(person.text("$.affiliations[0].title")).isEqualTo("Research Associate");
	}

	@Test
	void aNewPersonWithBadFieldsIsShownAgainWithTheFieldsNamedAndNothingWritten() {
		Map<String, String> form = Browser.formFields(browser.get("/people/new").body());
		form.put("familyName", "Nobody " + seed.tag());
		form.put("phones[0].value", "+44 12");
		form.put("organisation", "No Such Organisation " + seed.tag());

		String page = browser.post("/people/new", form).body();

		assertThat(page).as("both problems at once, each next to its field")
			.contains("is not a possible phone number", "no organisation has this name");
		assertThat(viewer.get("/api/v1/people?q=" + Http.query("Nobody " + seed.tag())).json().get("items")).isEmpty();
		Browser asViewer = new Browser(port);
		asViewer.login("test-viewer", STAFF_PASSWORD);
		assertThat(asViewer.get("/people/new").statusCode()).isEqualTo(403);
	}

	/** The hexadecimal digits as letters, so that they stay in a name's key. */
	private static String lettersOnly(String hex) {
		return hex.chars()
			.mapToObj(c -> String.valueOf((char) (Character.isDigit(c) ? 'g' + (c - '0') : c)))
			.reduce("", String::concat);
	}

}

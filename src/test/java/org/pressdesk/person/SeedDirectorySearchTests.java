package org.pressdesk.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.pressdesk.ApiTestSupport;
import org.pressdesk.Browser;
import org.pressdesk.Http;
import org.pressdesk.SeedDirectory;

/**
 * The seed's people as staff look them up: every way of asking for them that a press
 * officer uses, each of which found no one before the search index (issue 14).
 */
class SeedDirectorySearchTests extends ApiTestSupport {

	private SeedDirectory seed;

	@BeforeEach
	void seed() {
		seed = SeedDirectory.create(editor, unique("Seed"));
	}

	@Test
	void theSeedsPeopleAreFoundByTheirNamesWithOrWithoutAccents() {
		for (String query : List.of("lopez-gomez " + seed.tag(), "López " + seed.tag(), "carlos " + seed.tag())) {
			List<String> ids = viewer.get("/api/v1/people?q=" + Http.query(query)).at("$.items[*].id");
			assertThat(ids).as(query).containsExactly(seed.lopezGomez());
		}
		assertThat(viewer.get("/api/v1/people?q=" + Http.query("上山 隆大")).<List<String>>at("$.items[*].id"))
			.contains(seed.ueyama());
	}

	@Test
	void everyOrganisationAboveAPersonsUnitFindsThem() {
		assertThat(search("cambridge " + seed.tag()))
			.as("the University of Cambridge is above the forum Gregory chairs")
			.contains(seed.gregory(), seed.lopezGomez(), seed.ueyama());
		assertThat(search("manufacturing " + seed.tag())).contains(seed.lopezGomez()).doesNotContain(seed.gregory());
		assertThat(search("institute for manufacturing " + seed.tag())).contains(seed.lopezGomez());
	}

	@Test
	void japaneseWithoutASpaceAndRomanisedReadingsFindUeyama() {
		assertThat(search("上山隆大 " + seed.tag())).containsExactly(seed.ueyama());
		assertThat(search("上山 隆大 " + seed.tag())).containsExactly(seed.ueyama());
		assertThat(search("ueyama " + seed.tag())).containsExactly(seed.ueyama());
		assertThat(search("takahiro ueyama " + seed.tag())).containsExactly(seed.ueyama());
	}

	@Test
	void anyRunOfFourOrMoreDigitsOfAPhoneFindsItsOwner() {
		assertThat(search("764657 " + seed.tag())).containsExactly(seed.lopezGomez());
		assertThat(search("1223 7646 " + seed.tag())).containsExactly(seed.lopezGomez());
		assertThat(search("900123 " + seed.tag())).as("the internal mobile, for staff")
			.containsExactly(seed.lopezGomez());
	}

	@Test
	void typosSoundsAndNicknamesFindTheSeedsPeople() {
		assertThat(search("Lopez-Gomes " + seed.tag())).containsExactly(seed.lopezGomez());
		assertThat(search("Gergory " + seed.tag())).containsExactly(seed.gregory());
		assertThat(search("Michael " + seed.tag())).containsExactly(seed.gregory());
		assertThat(search("Karlos " + seed.tag())).as("sounds like Carlos").containsExactly(seed.lopezGomez());
	}

	@Test
	void whyEachResultMatchedIsShownToStaff() {
		Browser pages = new Browser(port);
		pages.login("test-viewer", STAFF_PASSWORD);
		assertThat(pages.get("/people/results?q=" + Http.query("cambridge " + seed.tag())).body())
			.as("the tag is in their names, cambridge in an organisation above them")
			.contains("Matched on name, organisation");
		assertThat(pages.get("/people/results?q=" + Http.query("gergory " + seed.tag())).body())
			.as("the tag is in his name, gergory is spelt like it")
			.contains("Matched on name, a name spelt alike");
	}

	private List<String> search(String q) {
		return viewer.get("/api/v1/people?q=" + Http.query(q)).at("$.items[*].id");
	}

	@Test
	void aPersonReadsAsTheApiDescribesThem() {
		Http.Response carlos = viewer.get("/api/v1/people/" + seed.lopezGomez());
		assertThat(carlos.<String>at("$.displayName")).isEqualTo("Dr Carlos López-Gómez " + seed.tag());
		assertThat(carlos.<String>at("$.phones[0].value")).isEqualTo("+441223764657");
		assertThat(carlos.<String>at("$.affiliations[0].organisationName"))
			.isEqualTo("Cambridge Industrial Innovation Policy " + seed.tag());
		Http.Response ueyama = viewer.get("/api/v1/people/" + seed.ueyama());
		assertThat(ueyama.<String>at("$.displayName")).isEqualTo("上山 隆大");
		assertThat(ueyama.<String>at("$.nameOrder")).isEqualTo("FAMILY_FIRST");
	}

	@Test
	void thePublicBlockShowsThePressContactAndTheSpokespersonWithPublicValuesOnly() {
		String page = anonymous.get("/press/" + seed.slug()).body();
		assertThat(page).contains("López-Gómez " + seed.tag(), "Gregory " + seed.tag(), "+44 1223 764657")
			.doesNotContain("7700 900123", "上山");
	}

}

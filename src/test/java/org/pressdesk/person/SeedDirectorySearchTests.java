package org.pressdesk.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.pressdesk.ApiTestSupport;
import org.pressdesk.Http;
import org.pressdesk.SeedDirectory;

/**
 * The seed's people as staff look them up (what search finds today; issue 14 asks for
 * more).
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

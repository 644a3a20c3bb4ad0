package org.pressdesk.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.pressdesk.ApiTestSupport;
import org.pressdesk.Http;

class PersonSearchTests extends ApiTestSupport {

	@Test
	void findsNamesWithoutAccentsAndInAnyCase() {
		String tag = unique("tag");
		String id = person("María", "López-Ñúñez", tag);

		assertThat(search("lopez " + tag)).containsExactly(id);
		assertThat(search("LÓPEZ " + tag)).containsExactly(id);
		assertThat(search("maria nunez " + tag)).containsExactly(id);
		assertThat(search("lopez-nunez " + tag)).containsExactly(id);
		assertThat(search("lop " + tag)).as("a prefix of a word").containsExactly(id);
		assertThat(search("garcia " + tag)).isEmpty();
	}

	@Test
	void findsLettersThatDoNotDecompose() {
		String tag = unique("tag");
		String id = person("Zoë", "Łukasiewicz-Straße", tag);

		assertThat(search("lukasiewicz " + tag)).containsExactly(id);
		assertThat(search("strasse " + tag)).containsExactly(id);
		assertThat(search("zoe " + tag)).containsExactly(id);
	}

	@Test
	void findsPhoneticReadingsAndNonLatinNames() {
		String tag = unique("tag");
		String id = id(editor
			.post("/api/v1/people",
					Http.toJson(Map.of("givenName", "花子", "familyName", "山田", "nameOrder", "FAMILY_FIRST",
							"phoneticGivenName", "Hanako", "phoneticFamilyName", "Yamada", "topics", List.of(tag))))
			.json());

		assertThat(search("yamada " + tag)).containsExactly(id);
		assertThat(search("山田 " + tag)).containsExactly(id);
	}

	@Test
	void findsByEmailPhoneDigitsAndTopic() {
		String tag = unique("tag");
		String id = id(editor.post("/api/v1/people",
				Http.toJson(Map.of("givenName", "Pat", "familyName", "Example", "emails",
						List.of(Map.of("value", tag + "@example.ac.uk")), "phones",
						List.of(Map.of("value", "+44 1632 960" + tag.substring(3, 6).replaceAll("\\D", "0"))), "topics",
						List.of("advanced materials " + tag))))
			.json());
		String phone = viewer.get("/api/v1/people/" + id).text("$.phones[0].value");
		String national = "0" + phone.substring(3);

		assertThat(search(tag + "@example")).containsExactly(id);
		assertThat(search(tag)).containsExactly(id);
		assertThat(search("materials " + tag)).containsExactly(id);
		assertThat(search(national.substring(0, 5) + " " + national.substring(5))).contains(id);
		assertThat(search("+44 (0) " + national.substring(1))).contains(id);
		assertThat(search(phone)).contains(id);
		assertThat(viewer.get("/api/v1/people?topic=" + Http.query("Advanced Materials " + tag.toUpperCase()))
			.json()
			.get("items")).hasSize(1);
	}

	@Test
	void findsByCurrentOrganisationAndTitleAndByPastOnesBelowThem() {
		String tag = unique("tag");
		String current = organisation("Institute for Manufacturing " + tag, null);
		String past = organisation("Old Employer " + tag, null);
		String id = person("Jane", "Example", null);
		affiliation(id, current, "Head of Policy Links", null);
		affiliation(id, past, "Former Chair", "2020-01-01");
		String stillThere = person("Zach", "Zimmer", null);
		affiliation(stillThere, past, "Chair", null);

		assertThat(search("manufacturing " + tag)).containsExactly(id);
		assertThat(search("policy links " + tag)).containsExactly(id);
		assertThat(search("old employer " + tag)).as("current beats past, whatever the names")
			.containsExactly(stillThere, id);
		assertThat(ids(viewer.get("/api/v1/people?organisation=" + past).json()))
			.as("the organisation filter takes current affiliations only")
			.containsExactly(stillThere);
	}

	@Test
	void followsARenameOfTheOrganisation() {
		String tag = unique("tag");
		String organisation = organisation("Before " + tag, null);
		String id = person("Jane", "Example", null);
		affiliation(id, organisation, "Chair", null);
		int versionBefore = viewer.get("/api/v1/people/" + id).number("$.version");

		editor.patch("/api/v1/organisations/" + organisation, "{\"name\": \"After " + tag + "\"}");

		assertThat(search("after " + tag)).containsExactly(id);
		assertThat(search("before " + tag)).isEmpty();
		JsonNode person = viewer.get("/api/v1/people/" + id).json();
		assertThat(person.get("affiliations").get(0).get("organisationName").asString()).isEqualTo("After " + tag);
		assertThat(person.get("version").asInt()).as("its representation changed, so does its ETag")
			.isGreaterThan(versionBefore);
		assertThat(viewer.get("/api/v1/people?q=after%20" + tag).json().get("items").get(0))
			.as("a search shows the person as they are, as GET does")
			.isEqualTo(person);
	}

	@Test
	void filtersByOrganisationIncludingSubOrganisations() {
		String tag = unique("tag");
		String university = organisation("University " + tag, null);
		String institute = organisation("Institute " + tag, university);
		String elsewhere = organisation("Elsewhere " + tag, null);
		String atUniversity = person("Ada", "Top", tag);
		String atInstitute = person("Bea", "Below", tag);
		String outside = person("Cy", "Outside", tag);
		affiliation(atUniversity, university, "Vice-Chancellor", null);
		affiliation(atInstitute, institute, "Director", null);
		affiliation(outside, elsewhere, "Director", null);

		assertThat(ids(viewer.get("/api/v1/people?organisation=" + university).json()))
			.containsExactlyInAnyOrder(atUniversity, atInstitute);
		assertThat(ids(viewer.get("/api/v1/people?organisation=" + institute + "&q=director").json()))
			.containsExactly(atInstitute);
		assertThat(ids(viewer.get("/api/v1/organisations/" + university + "/people").json()))
			.containsExactlyInAnyOrder(atUniversity, atInstitute);
		assertThat(viewer.get("/api/v1/organisations/00000000-0000-0000-0000-000000000000/people").status())
			.isEqualTo(404);
	}

	@Test
	void pagesThroughResultsWithoutGapsOrRepeatsInAStableOrder() {
		String tag = unique("tag");
		Set<String> created = new HashSet<>();
		for (int i = 0; i < 23; i++) {
			// several people share a family name, so the order needs the id as a
			// tie-breaker
			created.add(person("Person" + i, "Family" + (i % 4), tag));
		}

		List<String> seen = new ArrayList<>();
		List<String> familyNames = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			JsonNode page = viewer.get("/api/v1/people?limit=5&q=" + tag + (cursor == null ? "" : "&cursor=" + cursor))
				.json();
			page.get("items").forEach(p -> {
				seen.add(p.get("id").asString());
				familyNames.add(p.get("familyName").asString());
			});
			cursor = page.get("next").isNull() ? null : page.get("next").asString();
			if (pages++ == 1) {
				// someone added in the middle of paging must not shift what follows
				person("Aaron", "Aardvark", tag);
			}
		}
		while (cursor != null);

		assertThat(pages).isEqualTo(5);
		assertThat(seen).doesNotHaveDuplicates();
		assertThat(seen).containsAll(created);
		assertThat(familyNames).isSorted();
	}

	@Test
	void aNameMatchRanksAboveTitlesAndOrganisationsThatSortEarlier() {
		String tag = unique("tag");
		String smithInstitute = organisation("Smith Institute " + tag, null);
		String inTitle = person("Alice", "Aaronson", tag);
		affiliation(inTitle, smithInstitute, "Smith Professor of Economics", null);
		String atInstitute = person("Bob", "Abbott", tag);
		affiliation(atInstitute, smithInstitute, "Fellow", null);
		String dave = person("Dave", "Smith", tag);
		String gregory = person("Mike", "Gregory", tag);
		String gregoryInTitle = person("Anna", "Abbot", tag);
		affiliation(gregoryInTitle, smithInstitute, "Gregory Fellow", null);

		assertThat(search("smith " + tag)).first().isEqualTo(dave);
		assertThat(search("smith " + tag)).containsExactlyInAnyOrder(dave, inTitle, atInstitute, gregoryInTitle);
		assertThat(search("gregory " + tag)).containsExactly(gregory, gregoryInTitle);
		assertThat(search("smyth " + tag)).as("sounds like Smith").first().isEqualTo(dave);
		assertThat(ids(viewer.get("/api/v1/people?sort=name&q=" + Http.query("smith " + tag)).json()))
			.as("by name on request")
			.containsExactly(inTitle, gregoryInTitle, atInstitute, dave);
	}

	@Test
	void aJoinedWordThatBeginsNoWordIsLookedForByItsParts() {
		String tag = unique("tag");
		String carlos = person("Carlos", "López-Gómez", tag);
		person("Carlos", "López", tag);

		assertThat(search("gomez-lopez " + tag)).as("the parts the other way round").containsExactly(carlos);
		assertThat(search("lopes-gomes " + tag)).as("a typo in each part").containsExactly(carlos);
	}

	@Test
	void namesakesAndNearNamesakesDoNotPushAnExactMatchDown() {
		String tag = unique("tag");
		String nearNamesake = person("Carlos", "Lopez-Gomes", tag);
		String namesake = person("Carla", "López-Gómez", tag);
		String exact = person("Carlos", "López-Gómez", tag);
		String shorter = person("Carlos", "López", tag);

		List<String> found = search("carlos lopez-gomez " + tag);
		assertThat(found).first().isEqualTo(exact);
		assertThat(found).contains(nearNamesake).doesNotContain(shorter, namesake);
		assertThat(search("lopez " + tag)).as("a whole word beats the beginning of one")
			.startsWith(shorter)
			.contains(exact, namesake);
	}

	@Test
	void pagesInOrderOfRelevanceWithoutGapsOrRepeatsWhilePeopleAreAdded() {
		String tag = unique("tag");
		String organisation = organisation("Policy Unit " + tag, null);
		List<String> created = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			// three kinds of match, so scores differ and tie
			String id = person(i % 3 == 0 ? "Policy" : "Person" + i, "Family" + (i % 4), tag);
			if (i % 3 == 1) {
				affiliation(id, organisation, "Head of Policy", null);
			}
			created.add(id);
		}
		List<String> inOnePage = ids(viewer.get("/api/v1/people?limit=100&q=" + Http.query("policy " + tag)).json());

		List<String> seen = new ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = viewer
				.get("/api/v1/people?limit=3&q=" + Http.query("policy " + tag)
						+ (cursor == null ? "" : "&cursor=" + cursor))
				.json();
			page.get("items").forEach(p -> seen.add(p.get("id").asString()));
			cursor = page.get("next").isNull() ? null : page.get("next").asString();
			// people added while paging, some ranking above the page, some below
			person("Policy", "Aardvark", tag);
			person("Zed", "Policyton", tag);
		}
		while (cursor != null && seen.size() < 100);

		assertThat(seen).doesNotHaveDuplicates();
		assertThat(seen).containsSubsequence(inOnePage);
		assertThat(viewer.get("/api/v1/people?sort=name&cursor=" + relevanceCursor(tag)).status())
			.as("a cursor of one order is refused in the other")
			.isEqualTo(400);
	}

	/** The cursor after the first result of a search in order of relevance. */
	private String relevanceCursor(String tag) {
		return viewer.get("/api/v1/people?limit=1&q=" + Http.query("policy " + tag)).text("$.next");
	}

	private List<String> search(String q) {
		return ids(viewer.get("/api/v1/people?q=" + Http.query(q)).json());
	}

	private static List<String> ids(JsonNode page) {
		return page.get("items").valueStream().map(p -> p.get("id").asString()).toList();
	}

	private String person(String given, String family, String topic) {
		var body = new java.util.HashMap<String, Object>(Map.of("givenName", given, "familyName", family));
		if (topic != null) {
			body.put("topics", List.of(topic));
		}
		return id(editor.post("/api/v1/people", Http.toJson(body)).json());
	}

	private String organisation(String name, String parentId) {
		var body = new java.util.HashMap<String, Object>(Map.of("name", name));
		if (parentId != null) {
			body.put("parentId", parentId);
		}
		return id(editor.post("/api/v1/organisations", Http.toJson(body)).json());
	}

	private void affiliation(String personId, String organisationId, String title, String endDate) {
		var body = new java.util.HashMap<String, Object>(Map.of("organisationId", organisationId, "title", title));
		if (endDate != null) {
			body.put("startDate", "2010-01-01");
			body.put("endDate", endDate);
		}
		assertThat(editor.post("/api/v1/people/" + personId + "/affiliations", Http.toJson(body)).status())
			.isEqualTo(201);
	}

	private static String id(JsonNode node) {
		return node.get("id").asString();
	}

}

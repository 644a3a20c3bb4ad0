package org.pressdesk.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.pressdesk.system.InvalidInput;
import org.pressdesk.system.PressdeskSettings;

/** What a person's write model becomes before it is stored, without a database. */
class PersonNormalisationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final PhoneNumbers phones = new PhoneNumbers(new PressdeskSettings(null, "GB", null, ZoneOffset.UTC));

	private PersonDraft normalised(String person) {
		return json.readValue(person, PersonInput.class).normalised(phones, List.of());
	}

	@Test
	void theDisplayNameIsBuiltFromTheNamePartsInTheNamesOwnOrder() {
		assertThat(normalised("""
				{"honorificPrefix": " Professor Sir ", "givenName": "Mike", "familyName": "Gregory"}""").name()
			.displayName()).isEqualTo("Professor Sir Mike Gregory");
		PersonDraft ueyama = normalised("""
				{"givenName": "隆大", "familyName": "上山", "nameOrder": "FAMILY_FIRST",
				 "phoneticGivenName": "たかひろ", "phoneticFamilyName": "うえやま"}""");
		assertThat(ueyama.name().displayName()).isEqualTo("上山 隆大");
		assertThat(ueyama.name().displayNameGiven()).isFalse();
		assertThat(normalised("""
				{"givenName": "Jane", "familyName": "Example", "displayName": "Dr J. Example"}""").name().displayName())
			.as("an explicit display name wins")
			.isEqualTo("Dr J. Example");
	}

	@Test
	void phonesAreStoredInE164WithOnePrimaryAndTheSortNameIsFolded() {
		PersonDraft draft = normalised("""
				{"givenName": "Carlos", "familyName": "López-Gómez",
				 "phones": [ {"value": "01223 764657"}, {"value": "+44 (0) 7700 900123", "kind": "MOBILE"} ]}""");
		assertThat(draft.phones()).extracting(Phone::value).containsExactly("+441223764657", "+447700900123");
		assertThat(draft.phones()).extracting(Phone::primary).containsExactly(true, false);
		assertThat(draft.sortName()).startsWith("lopez-gomez");
	}

	@Test
	void everyBadFieldIsNamedAtOnce() {
		assertThatThrownBy(() -> normalised("""
				{"phones": [ {"value": "not a number"} ], "linkedinUrl": "https://example.org/jane"}"""))
			.isInstanceOfSatisfying(InvalidInput.class, ex -> assertThat(ex.problems()).extracting(p -> p.field())
				.contains("familyName", "phones[0].value", "linkedinUrl"));
	}

}

package org.pressdesk.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SameKeysTests {

	@Test
	void aNameIsOneKeyWithOrWithoutAccentsCasePunctuationOrATitle() {
		assertThat(keysOf("Carlos", "López-Gómez")).contains("NAME:carlos lopezgomez");
		assertThat(keysOf("carlos", "lopez gomez")).contains("NAME:carlos lopezgomez");
		assertThat(keysOf("Dr Carlos", "Lopez Gomez")).contains("NAME:carlos lopezgomez");
		assertThat(keysOf("Carla", "López-Gómez")).doesNotContain("NAME:carlos lopezgomez");
	}

	@Test
	void aNameSpeltAlikeSharesItsSound() {
		assertThat(keysOf("Jon", "Smyth")).as("not the same name")
			.doesNotContain("NAME:john smith")
			.containsAnyElementsOf(keysOf("John", "Smith"));
		assertThat(keysOf("Carlos", "Lopes-Gomes")).containsAnyElementsOf(keysOf("Carlos", "López-Gómez"));
		assertThat(keysOf("John", "Smith")).as("a longer sound than a search's")
			.doesNotContainAnyElementsOf(keysOf("John", "Smithson"));
	}

	private static Set<String> keysOf(String given, String family) {
		PersonName name = new PersonName(null, given, null, family, null, given + " " + family, false,
				NameOrder.GIVEN_FIRST, null, null);
		return SameKeys.of(new Person("id", name, null, null, List.of(), List.of(), List.of(), List.of(), null, null,
				null, null, Instant.EPOCH, Instant.EPOCH, 1));
	}

}

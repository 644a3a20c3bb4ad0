package org.pressdesk.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.pressdesk.system.PressdeskSettings;

/** How a query becomes the prefixes it is matched by, without a database. */
class SearchTermsTests {

	private final SearchTerms terms = new SearchTerms(
			new PhoneNumbers(new PressdeskSettings(null, "GB", null, ZoneOffset.UTC)));

	@Test
	void wordsAreFoldedAndWordsThatNarrowNothingAreLeftOut() {
		assertThat(terms.ofQuery("  Head of  POLICY ")).containsExactly(List.of("head"), List.of("policy"));
		assertThat(terms.ofQuery("López")).containsExactly(List.of("lopez"));
		assertThat(terms.ofQuery("of the")).as("only stop words: they are what was asked for")
			.containsExactly(List.of("of"), List.of("the"));
	}

	@Test
	void aPhoneNumberTypedWithSpacesIsOneTermInItsNationalAndInternationalDigits() {
		assertThat(terms.ofQuery("01223 764657")).containsExactly(List.of("01223764657", "441223764657"));
		assertThat(terms.ofQuery("jane.smith@example.org")).containsExactly(List.of("jane.smith@example.org"));
	}

	@Test
	void aQueryHasAtMostEightWords() {
		assertThat(terms.ofQuery("a1 b2 c3 d4 e5 f6 g7 h8 i9 j10")).hasSize(SearchTerms.MAX_QUERY_WORDS);
	}

	@Test
	void aBlankQueryMatchesByNoWord() {
		assertThat(terms.ofQuery("   ")).isEmpty();
		assertThat(terms.ofQuery(null)).isEmpty();
	}

}

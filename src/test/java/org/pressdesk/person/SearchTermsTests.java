package org.pressdesk.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.pressdesk.person.SearchTerms.QueryWord;
import org.pressdesk.person.SearchTerms.WordKind;
import org.pressdesk.system.PressdeskSettings;

/**
 * How names, numbers and queries become the words they are matched by, without an index.
 */
class SearchTermsTests {

	private final SearchTerms terms = new SearchTerms(
			new PhoneNumbers(new PressdeskSettings(null, "GB", null, ZoneOffset.UTC)));

	@Test
	void wordsAreFoldedAndWordsThatNarrowNothingAreLeftOut() {
		assertThat(texts("  Head of  POLICY ")).containsExactly("head", "policy");
		assertThat(texts("López-Gómez")).containsExactly("lopezgomez");
		assertThat(terms.ofQuery("López-Gómez").get(0).parts()).containsExactly("lopez", "gomez");
		assertThat(terms.ofQuery("institute-of-climate").get(0).parts()).containsExactly("institute", "climate");
		assertThat(terms.ofQuery("lopez").get(0).parts()).isEmpty();
		assertThat(texts("of the")).as("only stop words: they are what was asked for").containsExactly("of", "the");
	}

	@Test
	void aPhoneNumberTypedWithSpacesIsOneWordInItsNationalAndInternationalDigits() {
		assertThat(terms.ofQuery("01223 764657"))
			.containsExactly(new QueryWord(List.of("01223764657", "441223764657"), WordKind.PHONE));
		assertThat(terms.ofQuery("Jane.Smith@Example.org"))
			.containsExactly(new QueryWord(List.of("jane.smith@example.org"), WordKind.EMAIL));
	}

	@Test
	void japaneseWrittenWithoutSpacesIsMatchedPairByPair() {
		assertThat(texts("上山隆大")).containsExactly("上山", "山隆", "隆大");
		assertThat(texts("上")).containsExactly("上");
		assertThat(terms.nameWords("上山 隆大")).as("the name's characters run together across the space")
			.contains("上山", "山隆", "隆大", "上", "大");
	}

	@Test
	void aNameInAnotherScriptIsAlsoFoundByItsRomanisedReading() {
		assertThat(terms.nameWords("うえやま")).contains("うえ", "ueyama");
		assertThat(terms.nameWords("Сергей")).contains("сергеи", "sergej");
		assertThat(terms.nameWords("上山")).as("Han is not read as Mandarin").containsExactlyInAnyOrder("上", "山", "上山");
	}

	@Test
	void namesThatSoundAlikeShareASoundAndNicknamesTheirGroup() {
		assertThat(terms.sounds("smith")).containsAnyElementsOf(terms.sounds("smyth"));
		assertThat(terms.sounds("gregory")).isNotEmpty().containsAnyElementsOf(terms.sounds("gregori"));
		assertThat(terms.sounds("lopez")).doesNotContainAnyElementsOf(terms.sounds("smith"));
		assertThat(terms.nicknamesOf("mike")).contains("michael");
		assertThat(terms.nicknamesOf("michael")).contains("mike", "mick");
	}

	@Test
	void everyRunOfFourOrMoreDigitsOfAPhoneNumberBeginsOneOfItsTerms() {
		var runs = terms.phoneRuns("+441223764657");
		for (String typed : List.of("764657", "7646", "1223764657", "01223764657", "441223764657", "2237")) {
			assertThat(runs).as(typed).anyMatch(run -> run.startsWith(typed));
		}
		assertThat(runs).allMatch(run -> run.length() >= SearchTerms.PHONE_RUN);
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

	private List<String> texts(String query) {
		return terms.ofQuery(query).stream().map(QueryWord::text).toList();
	}

}

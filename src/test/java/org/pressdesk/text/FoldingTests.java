package org.pressdesk.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FoldingTests {

	@Test
	void foldsCaseAndAccentsAndSpellsOutLettersThatDoNotDecompose() {
		assertThat(Folding.fold("López-Núñez")).isEqualTo("lopez-nunez");
		assertThat(Folding.fold("Łódź Straße Øresund Æsir")).isEqualTo("lodz strasse oresund aesir");
		assertThat(Folding.fold("ÇAĞLAR")).isEqualTo("caglar");
	}

	@Test
	void keepsNonLatinScripts() {
		assertThat(Folding.fold("山田 花子")).isEqualTo("山田 花子");
		assertThat(Folding.fold("Ελένη")).isEqualTo("ελενη");
	}

	@Test
	void unaccentedKeepsTheCaseForFileNames() {
		assertThat(Folding.unaccented("Søren Łódź-Æsir Þór")).isEqualTo("Soren Lodz-AEsir Thor");
		assertThat(Folding.unaccented("José Núñez")).isEqualTo("Jose Nunez");
	}

}

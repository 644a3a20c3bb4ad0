package org.pressdesk.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class TopicsTests {

	@Test
	void topicsEqualWhenFoldedAreOneAndTheFirstSpellingWins() {
		assertThat(Topics.distinct(Arrays.asList(" Économie ", "economie", "ECONOMIE", null, " ", "Trade")))
			.containsExactly("Économie", "Trade");
	}

}

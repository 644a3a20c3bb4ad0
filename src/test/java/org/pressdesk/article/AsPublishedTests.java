package org.pressdesk.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.pressdesk.article.ArticleRepository.AffiliationNow;

/** What a contact shows "as published", without a database. */
class AsPublishedTests {

	private static final Map<String, AffiliationNow> NOW = Map.of("aff-1",
			new AffiliationNow("Director (title today)", "org-1"), "aff-2", new AffiliationNow("Chair", "org-2"));

	private static final Map<String, List<String>> NAMES = Map.of("org-1", List.of("University", "Institute"), "org-2",
			List.of("Forum"));

	@Test
	void aContactShownWithTheSameAffiliationKeepsWhatItShowedAtPublication() {
		StoredContact before = new StoredContact("p-1", ContactRole.PRESS_CONTACT, "aff-1", "Head of Policy",
				List.of("University", "Old Institute"));
		StoredContact now = new StoredContact("p-1", ContactRole.SPOKESPERSON, "aff-1", null, null);

		assertThat(ContactBlocks.asPublished(List.of(now), List.of(before), NOW, NAMES))
			.containsExactly(new StoredContact("p-1", ContactRole.SPOKESPERSON, "aff-1", "Head of Policy",
					List.of("University", "Old Institute")));
	}

	@Test
	void aContactShownWithAnotherAffiliationOrNewToTheBlockShowsItAsItIsNow() {
		StoredContact before = new StoredContact("p-1", ContactRole.PRESS_CONTACT, "aff-1", "Head of Policy",
				List.of("University", "Old Institute"));
		List<StoredContact> now = List.of(new StoredContact("p-1", ContactRole.PRESS_CONTACT, "aff-2", null, null),
				new StoredContact("p-2", ContactRole.PRESS_CONTACT, "aff-1", null, null));

		assertThat(ContactBlocks.asPublished(now, List.of(before), NOW, NAMES)).containsExactly(
				new StoredContact("p-1", ContactRole.PRESS_CONTACT, "aff-2", "Chair", List.of("Forum")),
				new StoredContact("p-2", ContactRole.PRESS_CONTACT, "aff-1", "Director (title today)",
						List.of("University", "Institute")));
	}

	@Test
	void aContactWithoutAnAffiliationShowsNone() {
		StoredContact alone = new StoredContact("p-3", ContactRole.QUOTED, null, null, null);
		assertThat(ContactBlocks.asPublished(List.of(alone), List.of(), NOW, NAMES)).containsExactly(alone);
	}

}

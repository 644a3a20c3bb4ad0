package org.pressdesk.article;

import java.util.List;

/**
 * A contact of an article as stored: with what was shown at publication, when the article
 * has been published.
 *
 * @param publishedOrganisation the organisation's names from the top of its tree down
 */
public record StoredContact(String personId, ContactRole role, String affiliationId, String publishedTitle,
		List<String> publishedOrganisation) {
}

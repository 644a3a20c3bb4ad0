package org.pressdesk.article;

import org.jspecify.annotations.NonNull;

/**
 * A person on an article as staff see it: the title and organisation of the chosen
 * affiliation as they are now, and, once the article is published, as they were shown
 * then.
 */
public record ArticleContact(@NonNull String personId, @NonNull ContactRole role, String affiliationId, int position,
		@NonNull String displayName, String title, String organisationName, AsPublished asPublished) {

	/**
	 * The title and organisation shown when the article was published; they do not follow
	 * later changes.
	 */
	public record AsPublished(String title, String organisationName) {
	}

}

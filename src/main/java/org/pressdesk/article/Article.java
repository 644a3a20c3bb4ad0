package org.pressdesk.article;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.NonNull;

/** An article as staff and services see it through the API. */
public record Article(@NonNull String id, @NonNull String slug, @NonNull String title, String summary, String url,
		@NonNull ArticleStatus status, Instant publishedAt, String externalRef, List<String> topics,
		List<ArticleContact> contacts, @NonNull Instant createdAt, @NonNull Instant updatedAt, int version) {

	/** What a client may write, as it stands now: the target a merge patch applies to. */
	ArticleInput toInput() {
		return new ArticleInput(slug, title, summary, url, status, publishedAt, externalRef, topics);
	}

	boolean isPublished() {
		return status == ArticleStatus.PUBLISHED;
	}

}

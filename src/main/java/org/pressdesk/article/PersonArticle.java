package org.pressdesk.article;

import java.time.Instant;

import org.jspecify.annotations.NonNull;

/** An article a person appears on, and in which role. */
public record PersonArticle(@NonNull String id, @NonNull String slug, @NonNull String title,
		@NonNull ArticleStatus status, Instant publishedAt, @NonNull ContactRole role) {
}

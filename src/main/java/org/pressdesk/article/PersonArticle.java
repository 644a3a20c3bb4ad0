package org.pressdesk.article;

import java.time.Instant;

/** An article a person appears on, and in which role. */
public record PersonArticle(String id, String slug, String title, ArticleStatus status, Instant publishedAt,
		ContactRole role) {
}

package org.pressdesk.pages;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.pressdesk.article.Article;
import org.pressdesk.article.ArticleInput;
import org.pressdesk.article.ArticleStatus;
import org.pressdesk.text.Topics;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The article page's form: what an editor changes of an article (the slug and reference
 * stay as they are). Topics are typed as one line, separated by commas. The publication
 * time is in the press office's time zone; left empty, it stays as it was, and a first
 * publication stamps the moment.
 */
record ArticleForm(int version, String title, String summary, String url, ArticleStatus status, String topics,
		@DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm",
				fallbackPatterns = "yyyy-MM-dd'T'HH:mm:ss") LocalDateTime publishedAt) {

	ArticleInput toInput(Article current, Dates dates) {
		// the input shows the time to the minute: the same minute sent back is no change
		Instant published = publishedAt == null || publishedAt.equals(dates.local(current.publishedAt()))
				? current.publishedAt() : dates.instant(publishedAt);
		return new ArticleInput(current.slug(), title, summary, url, status, published, current.externalRef(),
				Topics.ofLine(topics));
	}

}

package org.pressdesk.pages;

import java.util.Arrays;
import java.util.List;

import org.pressdesk.article.Article;
import org.pressdesk.article.ArticleInput;
import org.pressdesk.article.ArticleStatus;

/**
 * The article page's form: what an editor changes of an article (the slug, reference and
 * publication time stay as they are). Topics are typed as one line, separated by commas.
 */
record ArticleForm(int version, String title, String summary, String url, ArticleStatus status, String topics) {

	ArticleInput toInput(Article current) {
		return new ArticleInput(current.slug(), title, summary, url, status, current.publishedAt(),
				current.externalRef(), topics == null ? List.of()
						: Arrays.stream(topics.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList());
	}

}

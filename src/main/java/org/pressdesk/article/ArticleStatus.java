package org.pressdesk.article;

/**
 * Only a PUBLISHED article has a public page; an ARCHIVED one keeps what it showed as
 * published.
 */
public enum ArticleStatus {

	DRAFT, PUBLISHED, ARCHIVED

}

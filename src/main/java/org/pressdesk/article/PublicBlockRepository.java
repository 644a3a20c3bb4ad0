package org.pressdesk.article;

import static org.jooq.Records.mapping;
import static org.pressdesk.db.Tables.ARTICLE;
import static org.pressdesk.db.Tables.ARTICLE_CONTACT;
import static org.pressdesk.db.Tables.PERSON;
import static org.pressdesk.person.PersonFields.NAME;
import static org.pressdesk.person.PersonFields.PUBLIC_EMAILS;
import static org.pressdesk.person.PersonFields.PUBLIC_PHONES;

import java.util.List;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import org.pressdesk.person.Person;

import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public side's reads: the contact block of a published article and what its ETag is
 * made of. The rule (published, public roles, PUBLIC values) is in every statement, not a
 * filter after it.
 */
@Repository
class PublicBlockRepository {

	private final DSLContext db;

	PublicBlockRepository(DSLContext db) {
		this.db = db;
	}

	private static final Condition PUBLISHED = ARTICLE.STATUS.eq(ArticleStatus.PUBLISHED);

	/**
	 * The public contact block of a published article. Its two statements run in one
	 * read-only transaction; the rule is in both, so an article unpublished in between
	 * shows no one.
	 */
	@Transactional(readOnly = true)
	Optional<PublicBlock> publicBlock(String slug) {
		return publishedArticle(ARTICLE.SLUG.eq(slug))
			.map(article -> new PublicBlock(article, publicContacts(article.id())));
	}

	/** A published article, by the ids a CMS knows it by. */
	record PublishedArticle(String id, String slug, String externalRef) {
	}

	/** The published articles whose public block shows this person. */
	List<PublishedArticle> publishedShowing(String personId) {
		return db.select(ARTICLE.ID, ARTICLE.SLUG, ARTICLE.EXTERNAL_REF)
			.from(ARTICLE)
			.join(ARTICLE_CONTACT)
			.on(ARTICLE_CONTACT.ARTICLE_ID.eq(ARTICLE.ID))
			.where(ARTICLE_CONTACT.PERSON_ID.eq(personId))
			.and(ARTICLE_CONTACT.ROLE.in(ContactRole.PUBLIC))
			.and(PUBLISHED)
			.fetch(mapping(PublishedArticle::new));
	}

	/** The same by the article's id, when it is published. */
	Optional<PublicBlock> publicBlockOf(String articleId) {
		return publishedArticle(ARTICLE.ID.eq(articleId))
			.map(article -> new PublicBlock(article, publicContacts(article.id())));
	}

	private Optional<PublicBlock.Header> publishedArticle(Condition which) {
		return db
			.select(ARTICLE.ID, ARTICLE.SLUG, ARTICLE.TITLE, ARTICLE.SUMMARY, ARTICLE.URL, ARTICLE.PUBLISHED_AT,
					ARTICLE.VERSION)
			.from(ARTICLE)
			.where(which)
			.and(PUBLISHED)
			.fetchOptional(mapping(PublicBlock.Header::new));
	}

	/**
	 * The press contacts and spokespeople of a published article, with their PUBLIC
	 * emails and phones only, and the title and organisation shown at publication.
	 */
	private List<PublicBlock.Contact> publicContacts(String articleId) {
		return contactsShownPublicly(articleId, PUBLISHED);
	}

	/**
	 * What {@link #publicContacts} would give were the article published now, for the
	 * staff's preview: the same statement without the publication check. A draft has no
	 * title and organisation "as published" yet.
	 */
	List<PublicBlock.Contact> previewContacts(String articleId) {
		return contactsShownPublicly(articleId, DSL.noCondition());
	}

	private List<PublicBlock.Contact> contactsShownPublicly(String articleId, Condition articleRule) {
		return db
			.select(PERSON.ID, NAME, PERSON.PRONOUNS, PERSON.LINKEDIN_URL, PUBLIC_EMAILS, PUBLIC_PHONES,
					PERSON.UPDATED_AT, PERSON.VERSION, ARTICLE_CONTACT.ROLE, ARTICLE_CONTACT.PUBLISHED_TITLE,
					ARTICLE_CONTACT.PUBLISHED_ORGANISATION)
			.from(ARTICLE_CONTACT)
			.join(ARTICLE)
			.on(ARTICLE.ID.eq(ARTICLE_CONTACT.ARTICLE_ID))
			.join(PERSON)
			.on(PERSON.ID.eq(ARTICLE_CONTACT.PERSON_ID))
			.where(ARTICLE_CONTACT.ARTICLE_ID.eq(articleId))
			.and(articleRule)
			.and(ARTICLE_CONTACT.ROLE.in(ContactRole.PUBLIC))
			.orderBy(ARTICLE_CONTACT.POSITION)
			.fetch(r -> new PublicBlock.Contact(
					Person.asThePublicSeesThem(r.get(PERSON.ID), r.get(NAME), r.get(PERSON.PRONOUNS),
							r.get(PERSON.LINKEDIN_URL), r.get(PUBLIC_EMAILS), r.get(PUBLIC_PHONES),
							r.get(PERSON.UPDATED_AT), r.get(PERSON.VERSION)),
					r.get(ARTICLE_CONTACT.ROLE), r.get(ARTICLE_CONTACT.PUBLISHED_TITLE),
					ArticleRepository.units(r.get(ARTICLE_CONTACT.PUBLISHED_ORGANISATION))));
	}

}

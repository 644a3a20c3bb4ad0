package org.pressdesk.article;

import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.multisetAgg;
import static org.jooq.impl.DSL.select;
import static org.pressdesk.db.Tables.AFFILIATION;
import static org.pressdesk.db.Tables.ARTICLE;
import static org.pressdesk.db.Tables.ARTICLE_CONTACT;
import static org.pressdesk.db.Tables.ARTICLE_TOPIC;
import static org.pressdesk.db.Tables.ORGANISATION;
import static org.pressdesk.db.Tables.PERSON;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.impl.DSL;

import org.pressdesk.db.tables.records.ArticleRecord;
import org.pressdesk.system.Like;
import org.pressdesk.system.NotFound;
import org.pressdesk.web.Cursor;
import org.pressdesk.web.Page;

import org.springframework.stereotype.Repository;

/**
 * Reads and writes articles with their topics and contact blocks (the public side reads
 * through {@link PublicBlockRepository}). Every read of articles is one statement: nested
 * lists come from MULTISET_AGG.
 */
@Repository
class ArticleRepository {

	/**
	 * The names of an organisation from the top of its tree down, as stored "as
	 * published".
	 */
	static final String UNIT_SEPARATOR = "\n";

	private static final Field<List<String>> TOPICS = field(
			select(multisetAgg(ARTICLE_TOPIC.TOPIC).orderBy(ARTICLE_TOPIC.TOPIC)).from(ARTICLE_TOPIC)
				.where(ARTICLE_TOPIC.ARTICLE_ID.eq(ARTICLE.ID)))
		.as("topics")
		.convertFrom(r -> r == null ? List.of() : r.map(Record1::value1));

	private static final Field<List<ArticleContact>> CONTACTS = field(
			select(multisetAgg(ARTICLE_CONTACT.PERSON_ID, ARTICLE_CONTACT.ROLE, ARTICLE_CONTACT.AFFILIATION_ID,
					ARTICLE_CONTACT.POSITION, PERSON.DISPLAY_NAME, AFFILIATION.TITLE, ORGANISATION.NAME,
					ARTICLE_CONTACT.PUBLISHED_TITLE, ARTICLE_CONTACT.PUBLISHED_ORGANISATION)
				.orderBy(ARTICLE_CONTACT.POSITION)).from(ARTICLE_CONTACT)
				.join(PERSON)
				.on(PERSON.ID.eq(ARTICLE_CONTACT.PERSON_ID))
				.leftJoin(AFFILIATION)
				.on(AFFILIATION.ID.eq(ARTICLE_CONTACT.AFFILIATION_ID))
				.leftJoin(ORGANISATION)
				.on(ORGANISATION.ID.eq(AFFILIATION.ORGANISATION_ID))
				.where(ARTICLE_CONTACT.ARTICLE_ID.eq(ARTICLE.ID)))
		.as("contacts")
		.convertFrom(r -> r == null ? List.of()
				: r.map(mapping((personId, role, affiliationId, position, displayName, title, organisationName,
						publishedTitle, publishedOrganisation) -> new ArticleContact(personId, role, affiliationId,
								position, displayName, title, organisationName,
								new ArticleContact.AsPublished(publishedTitle, lastUnit(publishedOrganisation))))));

	private static final List<SelectField<?>> ARTICLE_FIELDS = List.of(ARTICLE.ID, ARTICLE.SLUG, ARTICLE.TITLE,
			ARTICLE.SUMMARY, ARTICLE.URL, ARTICLE.STATUS, ARTICLE.PUBLISHED_AT, ARTICLE.EXTERNAL_REF, TOPICS, CONTACTS,
			ARTICLE.CREATED_AT, ARTICLE.UPDATED_AT, ARTICLE.VERSION);

	private final DSLContext db;

	ArticleRepository(DSLContext db) {
		this.db = db;
	}

	/** The article, or {@link NotFound}. */
	Article get(String id) {
		return find(id).orElseThrow(() -> new NotFound("article", id));
	}

	Optional<Article> find(String id) {
		return db.select(ARTICLE_FIELDS)
			.from(ARTICLE)
			.where(ARTICLE.ID.eq(id))
			.fetchOptional(ArticleRepository::toArticle);
	}

	/**
	 * The id of the article with this reference, locking its row until the transaction
	 * ends.
	 */
	Optional<String> lockByExternalRef(String externalRef) {
		return db.select(ARTICLE.ID)
			.from(ARTICLE)
			.where(ARTICLE.EXTERNAL_REF.eq(externalRef))
			.forUpdate()
			.fetchOptional(Record1::value1);
	}

	/** The current version, locking the article's row until the transaction ends. */
	Optional<Integer> lockVersion(String id) {
		return db.select(ARTICLE.VERSION)
			.from(ARTICLE)
			.where(ARTICLE.ID.eq(id))
			.forUpdate()
			.fetchOptional(Record1::value1);
	}

	/**
	 * Newest first; {@code q} finds words anywhere in the title, slug or summary,
	 * ignoring case and accents.
	 */
	Page<Article> list(String q, ArticleStatus status, String externalRef, Cursor after, int limit) {
		Condition condition = DSL.noCondition();
		if (q != null && !q.isBlank()) {
			for (String word : q.strip().split("\\s+")) {
				condition = condition.and(Like.containing(ARTICLE.TITLE, word)
					.or(Like.containing(ARTICLE.SLUG, word))
					.or(Like.containing(ARTICLE.SUMMARY, word)));
			}
		}
		if (status != null) {
			condition = condition.and(ARTICLE.STATUS.eq(status));
		}
		if (externalRef != null) {
			condition = condition.and(ARTICLE.EXTERNAL_REF.eq(externalRef));
		}
		if (after != null) {
			Instant createdAt = after.sortKeyAsInstant();
			condition = condition.and(ARTICLE.CREATED_AT.le(createdAt))
				.and(ARTICLE.CREATED_AT.lt(createdAt).or(ARTICLE.ID.lt(after.id())));
		}
		List<Article> articles = db.select(ARTICLE_FIELDS)
			.from(ARTICLE)
			.where(condition)
			.orderBy(ARTICLE.CREATED_AT.desc(), ARTICLE.ID.desc())
			.limit(limit + 1)
			.fetch(ArticleRepository::toArticle);
		return Page.of(articles, limit, last -> new Cursor(last.createdAt().toString(), last.id()));
	}

	/** The published articles, the most recently published first. */
	List<Article> recentlyPublished(int limit) {
		return db.select(ARTICLE_FIELDS)
			.from(ARTICLE)
			.where(ARTICLE.STATUS.eq(ArticleStatus.PUBLISHED))
			.orderBy(ARTICLE.PUBLISHED_AT.desc(), ARTICLE.ID.desc())
			.limit(limit)
			.fetch(ArticleRepository::toArticle);
	}

	boolean slugTaken(String slug) {
		return db.fetchExists(ARTICLE, ARTICLE.SLUG.eq(slug));
	}

	void insert(String id, ArticleInput input, Instant now) {
		db.insertInto(ARTICLE)
			.set(ARTICLE.ID, id)
			.set(ARTICLE.CREATED_AT, now)
			.set(ARTICLE.UPDATED_AT, now)
			.set(ARTICLE.VERSION, 1)
			.set(columnsOf(input))
			.execute();
		insertTopics(id, input.topics());
	}

	void update(String id, ArticleInput input, Instant now) {
		db.update(ARTICLE)
			.set(columnsOf(input))
			.set(ARTICLE.UPDATED_AT, now)
			.set(ARTICLE.VERSION, ARTICLE.VERSION.plus(1))
			.where(ARTICLE.ID.eq(id))
			.execute();
		db.deleteFrom(ARTICLE_TOPIC).where(ARTICLE_TOPIC.ARTICLE_ID.eq(id)).execute();
		insertTopics(id, input.topics());
	}

	/** Marks a change to the article's contact block, so that its ETag changes too. */
	void touch(Collection<String> ids, Instant now) {
		db.update(ARTICLE)
			.set(ARTICLE.UPDATED_AT, now)
			.set(ARTICLE.VERSION, ARTICLE.VERSION.plus(1))
			.where(ARTICLE.ID.in(ids))
			.execute();
	}

	boolean delete(String id) {
		return db.deleteFrom(ARTICLE).where(ARTICLE.ID.eq(id)).execute() == 1;
	}

	void replaceContacts(String articleId, List<StoredContact> contacts) {
		db.deleteFrom(ARTICLE_CONTACT).where(ARTICLE_CONTACT.ARTICLE_ID.eq(articleId)).execute();
		if (contacts.isEmpty()) {
			return;
		}
		var insert = db.insertInto(ARTICLE_CONTACT, ARTICLE_CONTACT.ARTICLE_ID, ARTICLE_CONTACT.POSITION,
				ARTICLE_CONTACT.PERSON_ID, ARTICLE_CONTACT.ROLE, ARTICLE_CONTACT.AFFILIATION_ID,
				ARTICLE_CONTACT.PUBLISHED_TITLE, ARTICLE_CONTACT.PUBLISHED_ORGANISATION);
		for (int i = 0; i < contacts.size(); i++) {
			StoredContact c = contacts.get(i);
			insert = insert.values(articleId, i, c.personId(), c.role(), c.affiliationId(), c.publishedTitle(),
					c.publishedOrganisation() == null ? null : String.join(UNIT_SEPARATOR, c.publishedOrganisation()));
		}
		insert.execute();
	}

	/**
	 * The ids of the articles naming any of these people, their rows locked until the
	 * transaction ends (a merge moves their contacts).
	 */
	List<String> lockArticlesNaming(Collection<String> personIds) {
		return db.select(ARTICLE.ID)
			.from(ARTICLE)
			.where(ARTICLE.ID.in(DSL.select(ARTICLE_CONTACT.ARTICLE_ID)
				.from(ARTICLE_CONTACT)
				.where(ARTICLE_CONTACT.PERSON_ID.in(personIds))))
			.orderBy(ARTICLE.ID)
			.forUpdate()
			.fetch(Record1::value1);
	}

	/** Those of these articles that exist, locked until the transaction ends. */
	List<String> lockExisting(Collection<String> articleIds) {
		return db.select(ARTICLE.ID)
			.from(ARTICLE)
			.where(ARTICLE.ID.in(articleIds))
			.orderBy(ARTICLE.ID)
			.forUpdate()
			.fetch(Record1::value1);
	}

	List<StoredContact> storedContacts(String articleId) {
		return db
			.select(ARTICLE_CONTACT.PERSON_ID, ARTICLE_CONTACT.ROLE, ARTICLE_CONTACT.AFFILIATION_ID,
					ARTICLE_CONTACT.PUBLISHED_TITLE, ARTICLE_CONTACT.PUBLISHED_ORGANISATION)
			.from(ARTICLE_CONTACT)
			.where(ARTICLE_CONTACT.ARTICLE_ID.eq(articleId))
			.orderBy(ARTICLE_CONTACT.POSITION)
			.fetch(r -> new StoredContact(r.get(ARTICLE_CONTACT.PERSON_ID), r.get(ARTICLE_CONTACT.ROLE),
					r.get(ARTICLE_CONTACT.AFFILIATION_ID), r.get(ARTICLE_CONTACT.PUBLISHED_TITLE),
					r.get(ARTICLE_CONTACT.PUBLISHED_ORGANISATION) == null ? null
							: units(r.get(ARTICLE_CONTACT.PUBLISHED_ORGANISATION))));
	}

	/** An affiliation's title and organisation as they are now. */
	record AffiliationNow(String title, String organisationId) {
	}

	Map<String, AffiliationNow> affiliationsNow(Collection<String> affiliationIds) {
		return db.select(AFFILIATION.ID, AFFILIATION.TITLE, AFFILIATION.ORGANISATION_ID)
			.from(AFFILIATION)
			.where(AFFILIATION.ID.in(affiliationIds))
			.fetchMap(r -> r.get(AFFILIATION.ID),
					r -> new AffiliationNow(r.get(AFFILIATION.TITLE), r.get(AFFILIATION.ORGANISATION_ID)));
	}

	List<PersonArticle> articlesOf(String personId) {
		return db
			.select(ARTICLE.ID, ARTICLE.SLUG, ARTICLE.TITLE, ARTICLE.STATUS, ARTICLE.PUBLISHED_AT, ARTICLE_CONTACT.ROLE)
			.from(ARTICLE_CONTACT)
			.join(ARTICLE)
			.on(ARTICLE.ID.eq(ARTICLE_CONTACT.ARTICLE_ID))
			.where(ARTICLE_CONTACT.PERSON_ID.eq(personId))
			.orderBy(ARTICLE.CREATED_AT.desc(), ARTICLE.ID.desc())
			.fetch(mapping(PersonArticle::new));
	}

	/** Takes the person off every article; returns the articles they were on. */
	List<String> removeFromArticles(String personId) {
		List<String> articleIds = db.select(ARTICLE_CONTACT.ARTICLE_ID)
			.from(ARTICLE_CONTACT)
			.where(ARTICLE_CONTACT.PERSON_ID.eq(personId))
			.fetch(Record1::value1);
		// the others keep their positions, with a gap that reads leave out
		db.deleteFrom(ARTICLE_CONTACT).where(ARTICLE_CONTACT.PERSON_ID.eq(personId)).execute();
		return articleIds;
	}

	static List<String> units(String stored) {
		return stored == null ? List.of() : Arrays.asList(stored.split(UNIT_SEPARATOR));
	}

	private static String lastUnit(String stored) {
		List<String> units = units(stored);
		return units.isEmpty() ? null : units.get(units.size() - 1);
	}

	private void insertTopics(String id, List<String> topics) {
		if (topics.isEmpty()) {
			return;
		}
		var insert = db.insertInto(ARTICLE_TOPIC, ARTICLE_TOPIC.ARTICLE_ID, ARTICLE_TOPIC.TOPIC);
		for (String topic : topics) {
			insert = insert.values(id, topic);
		}
		insert.execute();
	}

	/** The columns a write sets, typed: a value of the wrong type does not compile. */
	private static ArticleRecord columnsOf(ArticleInput input) {
		ArticleRecord columns = new ArticleRecord();
		columns.setSlug(input.slug());
		columns.setTitle(input.title());
		columns.setSummary(input.summary());
		columns.setUrl(input.url());
		columns.setStatus(input.status());
		columns.setPublishedAt(input.publishedAt());
		columns.setExternalRef(input.externalRef());
		return columns;
	}

	private static Article toArticle(Record r) {
		ArticleStatus status = r.get(ARTICLE.STATUS);
		List<ArticleContact> stored = r.get(CONTACTS);
		// positions are shown from 0 without the gaps a removed person leaves; what was
		// shown at publication exists only for an article that has been published
		List<ArticleContact> contacts = IntStream.range(0, stored.size()).mapToObj(i -> {
			ArticleContact c = stored.get(i);
			return new ArticleContact(c.personId(), c.role(), c.affiliationId(), i, c.displayName(), c.title(),
					c.organisationName(), status == ArticleStatus.DRAFT ? null : c.asPublished());
		}).toList();
		return new Article(r.get(ARTICLE.ID), r.get(ARTICLE.SLUG), r.get(ARTICLE.TITLE), r.get(ARTICLE.SUMMARY),
				r.get(ARTICLE.URL), status, r.get(ARTICLE.PUBLISHED_AT), r.get(ARTICLE.EXTERNAL_REF), r.get(TOPICS),
				contacts, r.get(ARTICLE.CREATED_AT), r.get(ARTICLE.UPDATED_AT), r.get(ARTICLE.VERSION));
	}

}

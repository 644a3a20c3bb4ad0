package org.pressdesk.person;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.pressdesk.web.Cursor;
import org.pressdesk.web.Page;

import org.springframework.stereotype.Component;

/**
 * Searching people as {@code GET /people} describes it, for the API, the staff pages and
 * whatever else lists people by the same filters (exports): the words and filters are
 * answered by this instance's index ({@link PersonIndex}), which holds the people too: it
 * follows the database's change log, a moment behind other instances' writes and never
 * behind this one's.
 */
@Component
public class PersonSearch {

	/** How long a search waits for the index being built at start before a 503. */
	private static final Duration INDEX_WAIT = Duration.ofSeconds(10);

	private final PersonIndex index;

	PersonSearch(PersonIndex index) {
		this.index = index;
	}

	/**
	 * This instance's index: whether it is built, and when it was, how many people it
	 * read, in how long, and the memory it took.
	 */
	public record IndexStatus(boolean built, int people, long buildMillis, long bytes) {
	}

	public IndexStatus indexStatus() {
		return index.status();
	}

	/**
	 * A key two or more people share: its kind (EMAIL, PHONE, LINKEDIN, NAME,
	 * NAME_SOUND), its value, and the people.
	 */
	public record SharedKey(String kind, String value, List<Person> people) {
	}

	/** The shared keys as of one version of the index ({@link #version}). */
	public record SharedKeys(long version, List<SharedKey> keys) {
	}

	/**
	 * The keys that 2 to {@code mostPeople} people share: where duplicates are found. One
	 * pass over the keys: 0.6 s for 100,000 people (DuplicatesBenchmark).
	 */
	public SharedKeys sharedKeys(int mostPeople) {
		return index.sharedKeys(mostPeople, INDEX_WAIT);
	}

	/**
	 * The keys one person shares with others: {@link #sharedKeys} for one person, at
	 * once.
	 */
	public List<SharedKey> sharedKeysOf(String personId, int mostPeople) {
		return index.sharedKeysOf(personId, mostPeople, INDEX_WAIT);
	}

	/** The version of the directory as searches see it; it changes with every change. */
	public long version() {
		return index.version();
	}

	/** A result, and what its words matched ("name", "organisation"), strongest first. */
	public record Found(Person person, List<String> matchedOn) {
	}

	/**
	 * One page, most relevant first when words are typed: {@code organisationId} includes
	 * its sub-organisations; null filters are ignored.
	 */
	public Page<Person> page(String q, String organisationId, String topic, String cursor, Integer limit) {
		Page<Found> found = search(query(q, organisationId, topic, null, cursor, limit));
		return new Page<>(found.items().stream().map(Found::person).toList(), found.next());
	}

	/**
	 * {@link #page} as the API writes it, in the order asked: by relevance, or by name
	 * when {@code sort} is "name".
	 */
	public Page<PersonJson> pageAsJson(String q, String organisationId, String topic, String sort, String cursor,
			Integer limit) {
		return index.searchJson(query(q, organisationId, topic, sort, cursor, limit), INDEX_WAIT);
	}

	private static PersonQuery query(String q, String organisationId, String topic, String sort, String cursor,
			Integer limit) {
		return new PersonQuery(q, organisationId == null ? null : List.of(organisationId), topic,
				PersonQuery.Order.of(sort), Cursor.decode(cursor), Cursor.limit(limit), false);
	}

	/**
	 * One page of the people of any of these organisations and their sub-organisations
	 * (several organisations may share a name); null means any organisation, an empty
	 * list none.
	 */
	public Page<Found> pageWithin(String q, List<String> organisationIds, String topic, String sort, String cursor,
			Integer limit) {
		return search(new PersonQuery(q, organisationIds, topic, PersonQuery.Order.of(sort), Cursor.decode(cursor),
				Cursor.limit(limit), true));
	}

	private Page<Found> search(PersonQuery query) {
		Page<PersonIndex.Hit> hits = index.search(query, INDEX_WAIT);
		List<Found> found = hits.items()
			.stream()
			.map(hit -> new Found(hit.person(), hit.matchedOn().stream().map(PersonIndex.MatchedOn::label).toList()))
			.toList();
		return new Page<>(found, hits.next());
	}

	/**
	 * Every match, a batch at a time in order of name, read from the index like the pages
	 * of a search: memory stays flat however many people there are.
	 */
	public void forEachBatch(String q, String organisationId, String topic, int batchSize,
			Consumer<List<Person>> batches) {
		index.forEachBatch(exportQuery(q, organisationId, topic), batchSize, INDEX_WAIT, batches);
	}

	/**
	 * Every match's card as a bulk export writes it ({@link ExportCards}), in order of
	 * name.
	 */
	public void forEachExportCard(String q, String organisationId, String topic, Consumer<byte[]> cards) {
		index.forEachExportCard(exportQuery(q, organisationId, topic), INDEX_WAIT, cards);
	}

	private static PersonQuery exportQuery(String q, String organisationId, String topic) {
		return new PersonQuery(q, organisationId == null ? null : List.of(organisationId), topic,
				PersonQuery.Order.NAME, null, 1, false);
	}

}

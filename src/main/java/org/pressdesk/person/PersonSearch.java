package org.pressdesk.person;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.pressdesk.organisation.OrganisationRepository;
import org.pressdesk.system.Cursor;
import org.pressdesk.system.Page;

import org.springframework.stereotype.Component;

/**
 * Searching people as {@code GET /people} describes it, for the API and for whatever else lists
 * people by the same filters (exports).
 */
@Component
public class PersonSearch {

	private final PersonRepository people;

	private final SearchTerms searchTerms;

	private final OrganisationRepository organisations;

	private final Clock clock;

	PersonSearch(PersonRepository people, SearchTerms searchTerms, OrganisationRepository organisations, Clock clock) {
		this.people = people;
		this.searchTerms = searchTerms;
		this.organisations = organisations;
		this.clock = clock;
	}

	/** One page: {@code organisationId} includes its sub-organisations; null filters are ignored. */
	public Page<Person> page(String q, String organisationId, String topic, String cursor, Integer limit) {
		return people.search(query(q, organisationId, topic, Cursor.decode(cursor), Cursor.limit(limit)),
				LocalDate.now(clock));
	}

	/** Every match, a batch at a time, so that memory does not grow with the number of people. */
	public void forEachBatch(String q, String organisationId, String topic, int batchSize,
			Consumer<List<Person>> batches) {
		Cursor after = null;
		do {
			Page<Person> page = people.searchBatch(query(q, organisationId, topic, after, batchSize),
					LocalDate.now(clock));
			if (!page.items().isEmpty()) {
				batches.accept(page.items());
			}
			after = Cursor.decode(page.next());
		}
		while (after != null);
	}

	private PersonQuery query(String q, String organisationId, String topic, Cursor after, int limit) {
		List<String> organisationIds = organisationId == null ? null : organisations.subtreeIds(organisationId);
		return new PersonQuery(searchTerms.ofQuery(q), organisationIds, topic, after, limit);
	}

}

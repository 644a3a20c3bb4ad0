package org.pressdesk.person;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.pressdesk.organisation.OrganisationRepository;
import org.pressdesk.web.Cursor;
import org.pressdesk.web.Page;

import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Searching people as {@code GET /people} describes it, for the API and for whatever else
 * lists people by the same filters (exports).
 */
@Component
public class PersonSearch {

	private final PersonRepository people;

	private final SearchTerms searchTerms;

	private final OrganisationRepository organisations;

	private final Clock clock;

	private final AsyncTaskExecutor reader;

	PersonSearch(PersonRepository people, SearchTerms searchTerms, OrganisationRepository organisations, Clock clock,
			AsyncTaskExecutor reader) {
		this.people = people;
		this.searchTerms = searchTerms;
		this.organisations = organisations;
		this.clock = clock;
		this.reader = reader;
	}

	/**
	 * One page: {@code organisationId} includes its sub-organisations; null filters are
	 * ignored.
	 */
	public Page<Person> page(String q, String organisationId, String topic, String cursor, Integer limit) {
		return pageWithin(q, organisationId == null ? null : List.of(organisationId), topic, cursor, limit);
	}

	/**
	 * One page of the people of any of these organisations and their sub-organisations
	 * (several organisations may share a name); null means any organisation, an empty
	 * list none.
	 */
	public Page<Person> pageWithin(String q, List<String> organisationIds, String topic, String cursor, Integer limit) {
		return people.search(query(q, organisationIds, topic, Cursor.decode(cursor), Cursor.limit(limit)),
				LocalDate.now(clock));
	}

	/**
	 * Every match, a batch at a time in order of id, so that memory does not grow with
	 * the number of people. The next batch is read while {@code batches} handles the
	 * current one.
	 */
	public void forEachBatch(String q, String organisationId, String topic, int batchSize,
			Consumer<List<Person>> batches) {
		PersonQuery filters = query(q, organisationId == null ? null : List.of(organisationId), topic, null, batchSize);
		LocalDate today = LocalDate.now(clock);
		Future<List<Person>> next = reader.submit(() -> people.exportBatch(filters, null, batchSize, today));
		try {
			while (true) {
				List<Person> batch = resultOf(next);
				if (batch.size() < batchSize) {
					if (!batch.isEmpty()) {
						batches.accept(batch);
					}
					return;
				}
				String lastId = batch.get(batch.size() - 1).id();
				next = reader.submit(() -> people.exportBatch(filters, lastId, batchSize, today));
				batches.accept(batch);
			}
		}
		finally {
			// when the caller fails (a client that went away), the batch being read is
			// not wanted
			next.cancel(true);
		}
	}

	private static <T> T resultOf(Future<T> future) {
		try {
			return future.get();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while reading people", ex);
		}
	}

	private PersonQuery query(String q, List<String> organisationIds, String topic, Cursor after, int limit) {
		List<String> subtrees = organisationIds == null ? null : organisations.subtreeIds(organisationIds);
		return new PersonQuery(searchTerms.ofQuery(q), subtrees, topic, after, limit);
	}

}

package org.pressdesk.person;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

import org.pressdesk.web.Cursor;
import org.pressdesk.web.Page;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Searching people as {@code GET /people} describes it, for the API, the staff pages and
 * whatever else lists people by the same filters (exports): the words and filters are
 * answered by this instance's index ({@link PersonIndex}), the people then read from the
 * database.
 */
@Component
public class PersonSearch {

	/** How long a search waits for the index being built at start before a 503. */
	private static final Duration INDEX_WAIT = Duration.ofSeconds(10);

	private final PersonRepository people;

	private final PersonIndex index;

	private final AsyncTaskExecutor reader;

	PersonSearch(PersonRepository people, PersonIndex index,
			@Qualifier("applicationTaskExecutor") AsyncTaskExecutor reader) {
		this.people = people;
		this.index = index;
		this.reader = reader;
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

	/** A result, and what its words matched ("name", "organisation"), strongest first. */
	public record Found(Person person, List<String> matchedOn) {
	}

	/**
	 * One page, most relevant first when words are typed (unless {@code sort} is "name"):
	 * {@code organisationId} includes its sub-organisations; null filters are ignored.
	 */
	public Page<Person> page(String q, String organisationId, String topic, String sort, String cursor, Integer limit) {
		Page<Found> found = search(new PersonQuery(q, organisationId == null ? null : List.of(organisationId), topic,
				PersonQuery.Order.of(sort), Cursor.decode(cursor), Cursor.limit(limit), false));
		return new Page<>(found.items().stream().map(Found::person).toList(), found.next());
	}

	/** {@link #page} in the default order. */
	public Page<Person> page(String q, String organisationId, String topic, String cursor, Integer limit) {
		return page(q, organisationId, topic, null, cursor, limit);
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
	 * Every match, a batch at a time in order of id, so that memory does not grow with
	 * the number of people. The next batch is read while {@code batches} handles the
	 * current one.
	 */
	public void forEachBatch(String q, String organisationId, String topic, int batchSize,
			Consumer<List<Person>> batches) {
		PersonQuery query = new PersonQuery(q, organisationId == null ? null : List.of(organisationId), topic,
				PersonQuery.Order.NAME, null, batchSize, false);
		if (query.selectsEveryone()) {
			forEachBatch(after -> {
				List<Person> batch = people.batchAfter(after, batchSize);
				return new Batch(batch, batch.isEmpty() ? null : batch.get(batch.size() - 1).id(),
						batch.size() < batchSize);
			}, batches);
			return;
		}
		List<String> ids = index.allIds(query, INDEX_WAIT);
		forEachBatch(after -> {
			int from = after == null ? 0 : Collections.binarySearch(ids, after) + 1;
			int to = Math.min(ids.size(), from + batchSize);
			// people deleted since the index was read are not found: the batch is smaller
			return new Batch(people.batchOf(ids.subList(from, to)), to == 0 ? null : ids.get(to - 1), to == ids.size());
		}, batches);
	}

	/** Some people, where the next batch starts, and whether this was the last. */
	private record Batch(List<Person> people, String lastId, boolean last) {
	}

	private void forEachBatch(Function<String, Batch> batchAfter, Consumer<List<Person>> batches) {
		Future<Batch> next = reader.submit(() -> batchAfter.apply(null));
		try {
			while (true) {
				Batch batch = resultOf(next);
				if (!batch.last()) {
					next = reader.submit(() -> batchAfter.apply(batch.lastId()));
				}
				if (!batch.people().isEmpty()) {
					batches.accept(batch.people());
				}
				if (batch.last()) {
					return;
				}
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

}

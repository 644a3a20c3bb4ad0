package org.pressdesk.person;

import static org.pressdesk.db.Tables.PERSON_REDIRECT;

import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Record1;

import org.pressdesk.system.Moved;
import org.pressdesk.system.NotFound;

import org.springframework.stereotype.Repository;

/**
 * The ids of people merged into others, and whom they stand for now: a CMS that holds an
 * old id is redirected (308) rather than told the person is gone.
 */
@Repository
public class PersonRedirects {

	/** More merges of merges than a directory has; a guard against a cycle. */
	private static final int MOST_HOPS = 20;

	private final DSLContext db;

	PersonRedirects(DSLContext db) {
		this.db = db;
	}

	/**
	 * The person a merged-away id stands for now, following later merges of the one it
	 * was merged into; empty when the id was never merged.
	 */
	public Optional<String> current(String id) {
		String current = null;
		String next = id;
		for (int hop = 0; hop < MOST_HOPS && next != null; hop++) {
			next = db.select(PERSON_REDIRECT.TO_ID)
				.from(PERSON_REDIRECT)
				.where(PERSON_REDIRECT.FROM_ID.eq(next))
				.fetchOne(Record1::value1);
			if (next != null) {
				current = next;
			}
		}
		return Optional.ofNullable(current);
	}

	/**
	 * What to throw for a person id that is not there: {@link Moved} when it was merged
	 * into someone, else {@link NotFound}.
	 */
	public NotFound missing(String id) {
		return current(id).<NotFound>map(to -> new Moved("person", id, to)).orElseGet(() -> new NotFound("person", id));
	}

	public void add(String from, String to, String mergeId) {
		db.insertInto(PERSON_REDIRECT)
			.set(PERSON_REDIRECT.FROM_ID, from)
			.set(PERSON_REDIRECT.TO_ID, to)
			.set(PERSON_REDIRECT.MERGE_ID, mergeId)
			.execute();
	}

	public void remove(String from) {
		db.deleteFrom(PERSON_REDIRECT).where(PERSON_REDIRECT.FROM_ID.eq(from)).execute();
	}

}

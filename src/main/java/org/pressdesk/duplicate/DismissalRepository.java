package org.pressdesk.duplicate;

import static org.pressdesk.db.Tables.DUPLICATE_DISMISSAL;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import org.springframework.stereotype.Repository;

/** The pairs dismissed, with the reasons they had then. */
@Repository
class DismissalRepository {

	private final DSLContext db;

	DismissalRepository(DSLContext db) {
		this.db = db;
	}

	/** Every dismissed pair ("a b", the lower id first) and the reasons it had. */
	Map<String, Set<String>> all() {
		return dismissed(DSL.noCondition());
	}

	/** The dismissed pairs of one person, as {@link #all}. */
	Map<String, Set<String>> of(String personId) {
		return dismissed(DUPLICATE_DISMISSAL.PERSON_A.eq(personId).or(DUPLICATE_DISMISSAL.PERSON_B.eq(personId)));
	}

	private Map<String, Set<String>> dismissed(Condition which) {
		return db.select(DUPLICATE_DISMISSAL.PERSON_A, DUPLICATE_DISMISSAL.PERSON_B, DUPLICATE_DISMISSAL.REASONS)
			.from(DUPLICATE_DISMISSAL)
			.where(which)
			.fetchMap(r -> r.value1() + " " + r.value2(),
					r -> Arrays.stream(r.value3().split("\n")).collect(Collectors.toSet()));
	}

	/**
	 * Dismisses the pair with these reasons, or again with the reasons it has now (in the
	 * caller's transaction: MySQL and MariaDB spell an upsert's new values differently).
	 */
	void dismiss(String personA, String personB, Set<String> reasons, Instant at, String by) {
		db.deleteFrom(DUPLICATE_DISMISSAL)
			.where(DUPLICATE_DISMISSAL.PERSON_A.eq(personA).and(DUPLICATE_DISMISSAL.PERSON_B.eq(personB)))
			.execute();
		db.insertInto(DUPLICATE_DISMISSAL)
			.set(DUPLICATE_DISMISSAL.PERSON_A, personA)
			.set(DUPLICATE_DISMISSAL.PERSON_B, personB)
			.set(DUPLICATE_DISMISSAL.REASONS, String.join("\n", reasons))
			.set(DUPLICATE_DISMISSAL.DISMISSED_AT, at)
			.set(DUPLICATE_DISMISSAL.DISMISSED_BY, by)
			.execute();
	}

}

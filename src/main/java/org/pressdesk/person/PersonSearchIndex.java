package org.pressdesk.person;

import static org.jooq.impl.DSL.select;
import static org.pressdesk.db.Tables.PERSON;
import static org.pressdesk.db.Tables.PERSON_SEARCH_TERM;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import org.pressdesk.db.tables.records.PersonSearchTermRecord;
import org.pressdesk.system.Like;
import org.pressdesk.system.MultiRowInserts;

import org.springframework.stereotype.Repository;

/**
 * The search index in the database: each person's folded search terms
 * ({@link SearchTerms}), rewritten with every change to them, and the condition that
 * finds the people every word of a query matches.
 */
@Repository
class PersonSearchIndex {

	private final DSLContext db;

	PersonSearchIndex(DSLContext db) {
		this.db = db;
	}

	/**
	 * People having, for every word, a current term starting with one of its prefixes.
	 */
	Condition matching(List<List<String>> queryWords, LocalDate today) {
		Condition condition = DSL.noCondition();
		// How a query finds its people, measured on 100,000 of them: the rarest word is
		// looked up by term, and each other word is checked per person found. The check
		// is a scalar subquery with LIMIT, which neither MariaDB nor MySQL turns into a
		// semi-join that builds the set of everyone matching the word (as they do with
		// EXISTS or IN, which took up to a second). Reading people in page order and
		// checking each fails where the words follow the order: every Smith sorts under
		// S.
		List<Condition> words = queryWords.stream().map(word -> matchesWord(word, today)).toList();
		int driver = 0;
		int fewest = Integer.MAX_VALUE;
		// with several words, count each one's terms (up to COMMON_WORD) to find the
		// rarest
		for (int i = 0; words.size() > 1 && i < words.size(); i++) {
			int count = db.selectCount()
				.from(select(PERSON_SEARCH_TERM.PERSON_ID).from(PERSON_SEARCH_TERM)
					.where(words.get(i))
					.limit(COMMON_WORD)
					.asTable("sample"))
				.fetchOne(0, int.class);
			if (count < fewest) {
				fewest = count;
				driver = i;
			}
		}
		for (int i = 0; i < words.size(); i++) {
			condition = condition.and(i == driver
					? PERSON.ID.in(select(PERSON_SEARCH_TERM.PERSON_ID).from(PERSON_SEARCH_TERM).where(words.get(i)))
					: DSL
						.field(DSL.select(PERSON_SEARCH_TERM.PERSON_ID)
							.from(PERSON_SEARCH_TERM)
							.where(words.get(i))
							.and(PERSON_SEARCH_TERM.PERSON_ID.eq(PERSON.ID))
							.limit(1))
						.isNotNull());
		}
		return condition;
	}

	/**
	 * How far the words of a query are counted to find the rarest; see {@link #matching}.
	 */
	private static final int COMMON_WORD = 5000;

	private static Condition matchesWord(List<String> alternatives, LocalDate today) {
		return DSL.or(alternatives.stream().map(prefix -> Like.startingWith(PERSON_SEARCH_TERM.TERM, prefix)).toList())
			.and(PERSON_SEARCH_TERM.VALID_UNTIL.isNull().or(PERSON_SEARCH_TERM.VALID_UNTIL.ge(today)));
	}

	/** {@link #replace} for many people, in a few statements. */
	void replaceAll(Map<String, Set<SearchTerms.Term>> termsByPerson) {
		if (termsByPerson.isEmpty()) {
			return;
		}
		db.deleteFrom(PERSON_SEARCH_TERM).where(PERSON_SEARCH_TERM.PERSON_ID.in(termsByPerson.keySet())).execute();
		List<PersonSearchTermRecord> rows = new ArrayList<>();
		termsByPerson.forEach((personId, terms) -> terms
			.forEach(term -> rows.add(new PersonSearchTermRecord(term.text(), personId, term.validUntil()))));
		MultiRowInserts.insert(db, PERSON_SEARCH_TERM, rows);
	}

	void replace(String personId, Set<SearchTerms.Term> terms) {
		db.deleteFrom(PERSON_SEARCH_TERM).where(PERSON_SEARCH_TERM.PERSON_ID.eq(personId)).execute();
		if (terms.isEmpty()) {
			return;
		}
		var insert = db.insertInto(PERSON_SEARCH_TERM, PERSON_SEARCH_TERM.TERM, PERSON_SEARCH_TERM.PERSON_ID,
				PERSON_SEARCH_TERM.VALID_UNTIL);
		for (SearchTerms.Term term : terms) {
			insert = insert.values(term.text(), personId, term.validUntil());
		}
		insert.execute();
	}

}

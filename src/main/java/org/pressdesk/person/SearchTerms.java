package org.pressdesk.person;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.pressdesk.text.Folding;

import org.springframework.stereotype.Component;

/**
 * The words a person is found under, and the words of a query, folded the same way so
 * that "Lopez" finds "López" and "01223 000000" finds +441223000000. Each query word must
 * match the beginning of some term of the person.
 */
@Component
class SearchTerms {

	static final int MAX_TERM_LENGTH = 100;

	static final int MAX_QUERY_WORDS = 8;

	private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");

	private static final Set<String> STOP_WORDS = Set.of("of", "the", "for", "and", "at", "in", "on", "de", "la", "le",
			"du", "des", "di", "da", "der", "den", "und", "et");

	private static final Pattern PHONE_LIKE = Pattern.compile("[\\d\\s+().\\-/]+");

	private final PhoneNumbers phoneNumbers;

	SearchTerms(PhoneNumbers phoneNumbers) {
		this.phoneNumbers = phoneNumbers;
	}

	/** A folded term; those from a dated affiliation stop matching after its end date. */
	record Term(String text, LocalDate validUntil) {
	}

	Set<Term> of(Person person, LocalDate today) {
		Map<String, Term> terms = new LinkedHashMap<>();
		Stream
			.of(person.name().honorificPrefix(), person.name().givenName(), person.name().additionalNames(),
					person.name().familyName(), person.name().honorificSuffix(), person.displayName(),
					person.name().phoneticGivenName(), person.name().phoneticFamilyName())
			.forEach(name -> words(name).forEach(w -> add(terms, w, null)));
		for (Email email : person.emails()) {
			String folded = Folding.fold(email.value());
			add(terms, folded, null);
			for (String part : folded.split("@", 2)) {
				add(terms, alphanumeric(part), null);
			}
			words(email.value()).forEach(w -> add(terms, w, null));
		}
		for (Phone phone : person.phones()) {
			phoneNumbers.searchableDigits(phone.value()).forEach(digits -> add(terms, digits, null));
		}
		person.topics().forEach(topic -> words(topic).forEach(w -> add(terms, w, null)));
		for (Affiliation affiliation : person.affiliations()) {
			if (affiliation.isCurrentOn(today)) {
				Stream.of(affiliation.organisationName(), affiliation.organisationShortName(), affiliation.title())
					.forEach(text -> words(text).forEach(w -> add(terms, w, affiliation.endDate())));
			}
		}
		return new LinkedHashSet<>(terms.values());
	}

	/**
	 * For each word of the query, the prefixes any one of which a person's term must
	 * start with.
	 */
	List<List<String>> ofQuery(String query) {
		if (query == null || query.isBlank()) {
			return List.of();
		}
		String digits = PhoneNumbers.digits(query);
		if (PHONE_LIKE.matcher(query.strip()).matches() && digits.length() >= 4) {
			// a phone number typed with spaces is one term, not several
			Set<String> forms = new LinkedHashSet<>();
			forms.add(digits);
			phoneNumbers.e164Digits(query).ifPresent(forms::add);
			return List.of(List.copyOf(forms));
		}
		List<String> terms = new ArrayList<>();
		for (String word : query.strip().split("\\s+")) {
			String folded = Folding.fold(word);
			String term = folded.contains("@") ? folded : alphanumeric(folded);
			if (!term.isEmpty() && terms.size() < MAX_QUERY_WORDS) {
				terms.add(truncate(term));
			}
		}
		// "head of policy": "of" narrows nothing but matches nearly everyone, which is
		// slow
		List<String> significant = terms.stream().filter(term -> !STOP_WORDS.contains(term)).toList();
		return (significant.isEmpty() ? terms : significant).stream().map(List::of).toList();
	}

	/** The folded words of a text: each whole word without punctuation, and its parts. */
	private static Set<String> words(String text) {
		Set<String> words = new LinkedHashSet<>();
		if (text == null) {
			return words;
		}
		for (String word : Folding.fold(text).split("\\s+")) {
			words.add(alphanumeric(word));
			for (String part : NOT_ALPHANUMERIC.split(word)) {
				words.add(part);
			}
		}
		words.remove("");
		return words;
	}

	private static void add(Map<String, Term> terms, String text, LocalDate validUntil) {
		if (text == null || text.isEmpty()) {
			return;
		}
		String term = truncate(text);
		Term existing = terms.get(term);
		// a term that never expires wins over one that does; else the later expiry wins
		if (existing == null || (existing.validUntil() != null
				&& (validUntil == null || validUntil.isAfter(existing.validUntil())))) {
			terms.put(term, new Term(term, validUntil));
		}
	}

	private static String alphanumeric(String text) {
		return NOT_ALPHANUMERIC.matcher(text).replaceAll("");
	}

	private static String truncate(String term) {
		return term.length() <= MAX_TERM_LENGTH ? term : term.substring(0, MAX_TERM_LENGTH);
	}

}

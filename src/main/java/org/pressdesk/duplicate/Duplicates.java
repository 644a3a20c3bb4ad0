package org.pressdesk.duplicate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.NonNull;

import org.pressdesk.audit.AuditTrail.Action;
import org.pressdesk.audit.AuditTrail.Entity;
import org.pressdesk.audit.AuditTrail;
import org.pressdesk.organisation.OrganisationRepository;
import org.pressdesk.person.Affiliation;
import org.pressdesk.person.Person;
import org.pressdesk.person.PersonSearch;
import org.pressdesk.person.PossibleDuplicates;
import org.pressdesk.system.NotFound;
import org.pressdesk.web.Cursor;
import org.pressdesk.web.Page;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pairs of people who may be one, most likely first. They are found in the search index
 * (people who share a key: {@link PersonSearch#sharedKeys}), so they follow every change
 * as searches do, and are worked out again only when the index has changed since.
 * <p>
 * A shared email, phone or LinkedIn profile is strong evidence; a name alike is weak, and
 * never ranks a pair above one with a shared identifier (people who share a name are
 * common in a university): a pair found by its name alone scores at most
 * {@value #MOST_FOR_A_NAME}, one that shares an identifier at least 0.9.
 */
@Service
public class Duplicates implements PossibleDuplicates {

	/** A key held by more people than this is not evidence (a press office's address). */
	static final int MOST_PEOPLE_PER_KEY = 10;

	static final double MOST_FOR_A_NAME = 0.5;

	/**
	 * Why two people may be one.
	 *
	 * @param kind SAME_EMAIL, SAME_PHONE, SAME_LINKEDIN, SAME_NAME, SIMILAR_NAME,
	 * SAME_ORGANISATION or RELATED_ORGANISATION (in the same tree: two institutes of one
	 * university)
	 * @param value what they share: the address, the number (E.164), the profile, the
	 * name, the organisation (for a related one, the organisation at the top)
	 */
	public record Reason(@NonNull String kind, @NonNull String value) {

		String line() {
			return kind + " " + value;
		}

		/** As a press officer reads it: "the same email, jane@example.org". */
		public String inWords() {
			String what = switch (kind) {
				case "SAME_EMAIL" -> "the same email";
				case "SAME_PHONE" -> "the same phone";
				case "SAME_LINKEDIN" -> "the same LinkedIn profile";
				case "SAME_NAME" -> "the same name";
				case "SIMILAR_NAME" -> "names that sound alike";
				case "SAME_ORGANISATION" -> "the same organisation";
				default -> "organisations within one";
			};
			return what + ", " + value;
		}

	}

	/** One of a pair. */
	public record PersonOfPair(@NonNull String id, @NonNull String displayName) {
	}

	/**
	 * Two people who may be one.
	 *
	 * @param id the pair's id: the same for the same two people, on every instance
	 * @param score how likely they are one, 0–1
	 */
	public record Suggestion(@NonNull String id, List<PersonOfPair> people, double score, List<Reason> reasons) {
	}

	private final PersonSearch search;

	private final OrganisationRepository organisations;

	private final DismissalRepository dismissals;

	private final AuditTrail audit;

	private final Clock clock;

	/** The suggestions as of a version of the index, before dismissals. */
	private volatile Found found = new Found(Long.MIN_VALUE, List.of());

	private record Found(long version, List<Suggestion> suggestions) {
	}

	Duplicates(PersonSearch search, OrganisationRepository organisations, DismissalRepository dismissals,
			AuditTrail audit, Clock clock) {
		this.search = search;
		this.organisations = organisations;
		this.dismissals = dismissals;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * A page of the suggestions not dismissed, most likely first; those of one person
	 * when {@code personId} is given.
	 */
	public Page<Suggestion> page(String personId, String cursor, Integer limit) {
		Cursor after = Cursor.decode(cursor);
		int size = Cursor.limit(limit);
		List<Suggestion> all = personId == null ? standing() : standingFor(personId);
		int from = 0;
		if (after != null) {
			while (from < all.size() && !isAfter(all.get(from), after)) {
				from++;
			}
		}
		List<Suggestion> items = all.subList(from, Math.min(all.size(), from + size));
		Suggestion last = items.isEmpty() ? null : items.get(items.size() - 1);
		String next = from + size < all.size() && last != null ? new Cursor(sortKeyOf(last), last.id()).encode() : null;
		return new Page<>(items, next);
	}

	/** A suggestion not dismissed, by its id. */
	public Optional<Suggestion> find(String id) {
		return standing().stream().filter(candidate -> candidate.id().equals(id)).findFirst();
	}

	/** "These are two people": the pair stays away unless something new links them. */
	@Transactional
	public void dismiss(String id) {
		Suggestion suggestion = find(id).orElseThrow(() -> new NotFound("suggestion", id));
		String a = suggestion.people().get(0).id();
		String b = suggestion.people().get(1).id();
		dismissals.dismiss(a, b, linking(suggestion), Instant.now(clock), AuditTrail.actor());
		audit.record(Action.DISMISSED, Entity.DUPLICATE, id, List.of(), "people " + a + " and " + b + ": "
				+ suggestion.reasons().stream().map(Reason::line).collect(Collectors.joining("; ")));
	}

	@Override
	public int countFor(String personId) {
		return standingFor(personId).size();
	}

	/** One person's suggestions, worked out now from the keys they share. */
	private List<Suggestion> standingFor(String personId) {
		return withoutDismissed(suggestionsFrom(search.sharedKeysOf(personId, MOST_PEOPLE_PER_KEY)).stream()
			.filter(suggestion -> suggestion.people().stream().anyMatch(one -> one.id().equals(personId)))
			.toList(), dismissals.of(personId));
	}

	/** The suggestions, less those dismissed with every reason they have now. */
	private List<Suggestion> standing() {
		return withoutDismissed(current(), dismissals.all());
	}

	private static List<Suggestion> withoutDismissed(List<Suggestion> suggestions, Map<String, Set<String>> dismissed) {
		return suggestions.stream().filter(suggestion -> {
			Set<String> before = dismissed.get(suggestion.people().get(0).id() + " " + suggestion.people().get(1).id());
			return before == null || !before.containsAll(linking(suggestion));
		}).toList();
	}

	/** What links the pair (where they work does not, on its own). */
	private static Set<String> linking(Suggestion suggestion) {
		return suggestion.reasons()
			.stream()
			.filter(reason -> !reason.kind().endsWith("_ORGANISATION"))
			.map(Reason::line)
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	private List<Suggestion> current() {
		Found now = found;
		if (now.version() == search.version()) {
			return now.suggestions();
		}
		PersonSearch.SharedKeys keys = search.sharedKeys(MOST_PEOPLE_PER_KEY);
		now = new Found(keys.version(), suggestionsFrom(keys.keys()));
		found = now;
		return now.suggestions();
	}

	/**
	 * Every pair that shares a key, scored, most likely first; where their organisations
	 * sit is read once for all of them.
	 */
	private List<Suggestion> suggestionsFrom(List<PersonSearch.SharedKey> keys) {
		Set<String> organisationIds = keys.stream()
			.flatMap(key -> key.people().stream())
			.flatMap(person -> person.affiliations().stream())
			.filter(affiliation -> affiliation.endDate() == null)
			.map(Affiliation::organisationId)
			.collect(Collectors.toSet());
		Map<String, List<OrganisationRepository.Link>> chains = organisationIds.isEmpty() ? Map.of()
				: organisations.chainsFromTop(organisationIds);
		return suggestionsFrom(keys, chains);
	}

	private static List<Suggestion> suggestionsFrom(List<PersonSearch.SharedKey> keys,
			Map<String, List<OrganisationRepository.Link>> chains) {
		Map<String, Pair> pairs = new LinkedHashMap<>();
		for (PersonSearch.SharedKey key : keys) {
			List<Person> people = key.people();
			for (int i = 0; i < people.size(); i++) {
				for (int j = i + 1; j < people.size(); j++) {
					Person one = people.get(i);
					Person other = people.get(j);
					boolean inOrder = one.id().compareTo(other.id()) < 0;
					Pair pair = pairs.computeIfAbsent(
							inOrder ? one.id() + " " + other.id() : other.id() + " " + one.id(),
							k -> new Pair(inOrder ? one : other, inOrder ? other : one, chains));
					pair.kinds.add(key.kind());
					pair.reasons.add(reasonOf(key, pair));
				}
			}
		}
		return pairs.values()
			.stream()
			.map(Pair::suggestion)
			.sorted(Comparator.comparingDouble(Suggestion::score).reversed().thenComparing(Suggestion::id))
			.toList();
	}

	private static Reason reasonOf(PersonSearch.SharedKey key, Pair pair) {
		return switch (key.kind()) {
			case "EMAIL" -> new Reason("SAME_EMAIL", key.value());
			case "PHONE" -> new Reason("SAME_PHONE", key.value());
			case "LINKEDIN" -> new Reason("SAME_LINKEDIN", pair.first.linkedinUrl());
			case "NAME" -> new Reason("SAME_NAME", pair.first.displayName());
			default -> new Reason("SIMILAR_NAME", pair.first.displayName() + " / " + pair.second.displayName());
		};
	}

	private static final class Pair {

		final Person first;

		final Person second;

		final Set<String> kinds = new HashSet<>();

		final Set<Reason> reasons = new LinkedHashSet<>();

		final Map<String, List<OrganisationRepository.Link>> chains;

		Pair(Person first, Person second, Map<String, List<OrganisationRepository.Link>> chains) {
			this.first = first;
			this.second = second;
			this.chains = chains;
		}

		Suggestion suggestion() {
			List<Reason> all = new ArrayList<>(reasons);
			if (kinds.contains("NAME")) {
				// the same name is also alike: say it once
				all.removeIf(reason -> reason.kind().equals("SIMILAR_NAME"));
			}
			organisation().ifPresent(all::add);
			String id = pairId(first.id(), second.id());
			return new Suggestion(id, List.of(new PersonOfPair(first.id(), first.displayName()),
					new PersonOfPair(second.id(), second.displayName())), score(all), List.copyOf(all));
		}

		/**
		 * The same current organisation or, failing that, organisations in one tree
		 * (their top one named).
		 */
		private Optional<Reason> organisation() {
			List<Affiliation> mine = current(first);
			List<Affiliation> theirs = current(second);
			for (Affiliation one : mine) {
				for (Affiliation other : theirs) {
					if (Objects.equals(one.organisationId(), other.organisationId())) {
						return Optional.of(new Reason("SAME_ORGANISATION", one.organisationName()));
					}
				}
			}
			for (Affiliation one : mine) {
				for (Affiliation other : theirs) {
					OrganisationRepository.Link top = topOf(one);
					if (top != null && top.equals(topOf(other))) {
						return Optional.of(new Reason("RELATED_ORGANISATION", top.name()));
					}
				}
			}
			return Optional.empty();
		}

		private static List<Affiliation> current(Person person) {
			return person.affiliations().stream().filter(affiliation -> affiliation.endDate() == null).toList();
		}

		private OrganisationRepository.Link topOf(Affiliation affiliation) {
			List<OrganisationRepository.Link> chain = chains.get(affiliation.organisationId());
			return chain == null || chain.isEmpty() ? null : chain.get(0);
		}

		/**
		 * Identifiers combine (each alone 0.9 or more); a name alone is weak, less so at
		 * the same organisation, and never more than {@value #MOST_FOR_A_NAME}.
		 */
		private static double score(List<Reason> reasons) {
			double unlikely = 1;
			double name = 0;
			double organisation = 0;
			for (Reason reason : reasons) {
				switch (reason.kind()) {
					case "SAME_EMAIL", "SAME_LINKEDIN" -> unlikely *= 0.05;
					case "SAME_PHONE" -> unlikely *= 0.1;
					case "SAME_NAME" -> name = Math.max(name, 0.35);
					case "SIMILAR_NAME" -> name = Math.max(name, 0.2);
					case "SAME_ORGANISATION" -> organisation = 0.15;
					default -> organisation = 0.1;
				}
			}
			double byName = Math.min(MOST_FOR_A_NAME, name + organisation);
			if (unlikely == 1) {
				return round(byName);
			}
			return round(1 - unlikely * (1 - byName));
		}

		private static double round(double score) {
			return Math.round(score * 1000) / 1000.0;
		}

	}

	/**
	 * The id of the pair of these two people, in either order: the same on every instance
	 * and however often it is worked out (an import's report names pairs by it).
	 */
	public static String pairId(String one, String other) {
		String first = one.compareTo(other) < 0 ? one : other;
		String second = first.equals(one) ? other : one;
		return UUID.nameUUIDFromBytes(("duplicate " + first + " " + second).getBytes(StandardCharsets.UTF_8))
			.toString();
	}

	private static String sortKeyOf(Suggestion suggestion) {
		return String.format(java.util.Locale.ROOT, "%.3f", suggestion.score());
	}

	/**
	 * Whether the suggestion comes after the cursor: lower score, or the same and a later
	 * id.
	 */
	private static boolean isAfter(Suggestion suggestion, Cursor cursor) {
		int byScore = sortKeyOf(suggestion).compareTo(cursor.sortKey());
		return byScore < 0 || byScore == 0 && suggestion.id().compareTo(cursor.id()) > 0;
	}

}

package org.pressdesk.merge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.pressdesk.merge.MergeRequest.Take;
import org.pressdesk.person.Affiliation;
import org.pressdesk.person.Person;
import org.pressdesk.person.PersonInput;
import org.pressdesk.person.PersonInput.EmailInput;
import org.pressdesk.person.PersonInput.PhoneInput;
import org.pressdesk.system.FieldChecks;

/**
 * What two records of one person become: each field the kept person's value, the other's
 * or both, as chosen; by default the kept person's where they have one, and both lists.
 */
final class CombinedPerson {

	/** The fields a merge chooses between, and the choices each allows. */
	static final Map<String, Set<Take>> FIELDS = Map.of("name", Set.of(Take.KEPT, Take.FROM), "pronouns",
			Set.of(Take.KEPT, Take.FROM), "linkedinUrl", Set.of(Take.KEPT, Take.FROM), "emails", Set.of(Take.values()),
			"phones", Set.of(Take.values()), "topics", Set.of(Take.values()), "notes", Set.of(Take.values()),
			"lawfulBasis", Set.of(Take.KEPT, Take.FROM), "source", Set.of(Take.KEPT, Take.FROM));

	private CombinedPerson() {
	}

	/** Adds a problem for each unknown field or a choice it does not allow. */
	static void check(Map<String, Take> fields, FieldChecks checks) {
		if (fields == null) {
			return;
		}
		fields.forEach((field, take) -> {
			Set<Take> allowed = FIELDS.get(field);
			if (allowed == null) {
				checks.add("fields." + field, "is not a field a merge chooses; one of "
						+ String.join(", ", FIELDS.keySet().stream().sorted().toList()));
			}
			else if (take == null || !allowed.contains(take)) {
				checks.add("fields." + field,
						"takes " + String.join(" or ", allowed.stream().sorted().map(Take::name).toList()));
			}
		});
	}

	/** The fields of the one person, before the usual checks and normalisation. */
	static PersonInput of(PersonInput kept, PersonInput other, Map<String, Take> fields) {
		Map<String, Take> chosen = fields == null ? Map.of() : fields;
		return new PersonInput(chosen.getOrDefault("name", Take.KEPT) == Take.FROM ? other.name() : kept.name(),
				one(chosen.get("pronouns"), kept.pronouns(), other.pronouns()),
				one(chosen.get("linkedinUrl"), kept.linkedinUrl(), other.linkedinUrl()),
				list(chosen.get("emails"), kept.emails(), other.emails(), email -> email.value().toLowerCase(),
						email -> new EmailInput(email.value(), email.label(), email.visibility(), false)),
				list(chosen.get("phones"), kept.phones(), other.phones(), PhoneInput::value,
						phone -> new PhoneInput(phone.value(), phone.kind(), phone.label(), phone.visibility(), false)),
				list(chosen.get("topics"), kept.topics(), other.topics(), String::toLowerCase, Function.identity()),
				notes(chosen.get("notes"), kept.notes(), other.notes()),
				one(chosen.get("lawfulBasis"), kept.lawfulBasis(), other.lawfulBasis()),
				one(chosen.get("source"), kept.source(), other.source()));
	}

	/**
	 * The other's affiliations equal to one of the kept person's (the same organisation,
	 * title, department, role and dates), each with the kept one that replaces it.
	 */
	static Map<String, String> equalAffiliations(Person kept, Person other) {
		Map<String, String> equal = new HashMap<>();
		for (Affiliation theirs : other.affiliations()) {
			kept.affiliations()
				.stream()
				.filter(mine -> sameRole(mine, theirs))
				.findFirst()
				.ifPresent(mine -> equal.put(theirs.id(), mine.id()));
		}
		return equal;
	}

	private static boolean sameRole(Affiliation one, Affiliation other) {
		return one.organisationId().equals(other.organisationId()) && Objects.equals(one.title(), other.title())
				&& Objects.equals(one.department(), other.department()) && Objects.equals(one.role(), other.role())
				&& Objects.equals(one.startDate(), other.startDate()) && Objects.equals(one.endDate(), other.endDate());
	}

	/** The kept value unless the other's is chosen, or the kept person has none. */
	private static <T> T one(Take take, T kept, T other) {
		if (take == Take.FROM || take == null && kept == null) {
			return other;
		}
		return kept;
	}

	/**
	 * Both lists by default: the kept person's, then those of the other's not among them
	 * (compared by {@code key}), which are not primary where the kept person has values.
	 */
	private static <T> List<T> list(Take take, List<T> kept, List<T> other, Function<T, String> key,
			Function<T, T> notPrimary) {
		List<T> mine = kept == null ? List.of() : kept;
		List<T> theirs = other == null ? List.of() : other;
		if (take == Take.KEPT) {
			return mine;
		}
		if (take == Take.FROM) {
			return theirs;
		}
		List<T> both = new ArrayList<>(mine);
		Set<String> keys = new HashSet<>(mine.stream().map(key).toList());
		for (T value : theirs) {
			if (keys.add(key.apply(value))) {
				both.add(mine.isEmpty() ? value : notPrimary.apply(value));
			}
		}
		return both;
	}

	private static String notes(Take take, String kept, String other) {
		if (take == Take.BOTH && kept != null && other != null && !kept.equals(other)) {
			return kept + "\n\n" + other;
		}
		return one(take == Take.BOTH ? null : take, kept, other);
	}

}

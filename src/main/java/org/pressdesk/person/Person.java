package org.pressdesk.person;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.jspecify.annotations.NonNull;

import org.pressdesk.system.NotFound;

/**
 * A person as staff and services see them through the API: their name (whose parts are
 * top-level fields of the JSON), contact points, affiliations and what the press office
 * keeps about them.
 */
public record Person(@NonNull String id, @JsonUnwrapped PersonName name, String pronouns, String linkedinUrl,
		List<Email> emails, List<Phone> phones, List<Affiliation> affiliations, List<String> topics, String notes,
		LawfulBasis lawfulBasis, String source, @JsonIgnore String sortName, @NonNull Instant createdAt,
		@NonNull Instant updatedAt, int version) {

	/**
	 * A person as the public sees them on a published article: name, pronouns, LinkedIn
	 * and PUBLIC contact points; no affiliations, topics, notes, lawful basis or source.
	 */
	public static Person asThePublicSeesThem(String id, PersonName name, String pronouns, String linkedinUrl,
			List<Email> publicEmails, List<Phone> publicPhones, Instant updatedAt, int version) {
		return new Person(id, name, pronouns, linkedinUrl, publicEmails, publicPhones, List.of(), List.of(), null, null,
				null, null, null, updatedAt, version);
	}

	/**
	 * The same person as the public sees them: PUBLIC contact points only, and no version
	 * or time of change, so that two are equal when the public sees no difference.
	 */
	public static Person asThePublicSeesThem(Person person) {
		return asThePublicSeesThem(person.id(), person.name(), person.pronouns(), person.linkedinUrl(),
				person.emails().stream().filter(e -> e.visibility() == Visibility.PUBLIC).toList(),
				person.phones().stream().filter(p -> p.visibility() == Visibility.PUBLIC).toList(), null, 0);
	}

	/** The name shown, as most readers of a person need it. */
	public String displayName() {
		return name.displayName();
	}

	/** The primary email (exactly one is, when there is any), or null. */
	public Email primaryEmail() {
		return emails.stream().filter(Email::primary).findFirst().orElse(emails.isEmpty() ? null : emails.get(0));
	}

	/** The primary phone, or null. */
	public Phone primaryPhone() {
		return phones.stream().filter(Phone::primary).findFirst().orElse(phones.isEmpty() ? null : phones.get(0));
	}

	/**
	 * The affiliation shown with the person's name: the primary current one, else the
	 * first current one.
	 */
	public Optional<Affiliation> currentAffiliation(LocalDate today) {
		List<Affiliation> current = affiliations.stream().filter(a -> a.isCurrentOn(today)).toList();
		return current.stream().filter(Affiliation::primary).findFirst().or(() -> current.stream().findFirst());
	}

	/** One of the person's affiliations; {@code NotFound} when it is not theirs. */
	public Affiliation affiliation(String affiliationId) {
		return affiliations.stream()
			.filter(a -> a.id().equals(affiliationId))
			.findFirst()
			.orElseThrow(() -> new NotFound("affiliation", affiliationId));
	}

	/** What a client may write, as it stands now: the target a merge patch applies to. */
	public PersonInput toInput() {
		return new PersonInput(
				new PersonInput.Name(name.honorificPrefix(), name.givenName(), name.additionalNames(),
						name.familyName(), name.honorificSuffix(), name.displayNameGiven() ? name.displayName() : null,
						name.nameOrder(), name.phoneticGivenName(), name.phoneticFamilyName()),
				pronouns, linkedinUrl,
				emails.stream()
					.map(e -> new PersonInput.EmailInput(e.value(), e.label(), e.visibility(), e.primary()))
					.toList(),
				phones.stream()
					.map(p -> new PersonInput.PhoneInput(p.value(), p.kind(), p.label(), p.visibility(), p.primary()))
					.toList(),
				topics, notes, lawfulBasis, source);
	}

}

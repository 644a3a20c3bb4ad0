package org.pressdesk.person;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;

import org.pressdesk.system.NotFound;

/** A person as staff and services see them through the API. */
public record Person(String id, String honorificPrefix, String givenName, String additionalNames, String familyName,
		String honorificSuffix, String displayName, @JsonIgnore boolean displayNameGiven, NameOrder nameOrder,
		String phoneticGivenName, String phoneticFamilyName, String pronouns, String linkedinUrl, List<Email> emails,
		List<Phone> phones, List<Affiliation> affiliations, List<String> topics, String notes, LawfulBasis lawfulBasis,
		String source, @JsonIgnore String sortName, Instant createdAt, Instant updatedAt, int version) {

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
		return new PersonInput(honorificPrefix, givenName, additionalNames, familyName, honorificSuffix,
				displayNameGiven ? displayName : null, nameOrder, phoneticGivenName, phoneticFamilyName, pronouns,
				linkedinUrl,
				emails.stream()
					.map(e -> new PersonInput.EmailInput(e.value(), e.label(), e.visibility(), e.primary()))
					.toList(),
				phones.stream()
					.map(p -> new PersonInput.PhoneInput(p.value(), p.kind(), p.label(), p.visibility(), p.primary()))
					.toList(),
				topics, notes, lawfulBasis, source);
	}

}

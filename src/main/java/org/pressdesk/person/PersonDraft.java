package org.pressdesk.person;

import java.util.List;

/** A person's writable data, normalised and ready to store. */
public record PersonDraft(String honorificPrefix, String givenName, String additionalNames, String familyName,
		String honorificSuffix, String displayName, boolean displayNameGiven, NameOrder nameOrder,
		String phoneticGivenName, String phoneticFamilyName, String pronouns, String linkedinUrl, List<Email> emails,
		List<Phone> phones, List<String> topics, String notes, LawfulBasis lawfulBasis, String source,
		String sortName) {
}

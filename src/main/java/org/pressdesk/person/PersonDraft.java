package org.pressdesk.person;

import java.util.List;

/** A person's writable data, normalised and ready to store. */
public record PersonDraft(PersonName name, String pronouns, String linkedinUrl, List<Email> emails, List<Phone> phones,
		List<String> topics, String notes, LawfulBasis lawfulBasis, String source, String sortName) {
}

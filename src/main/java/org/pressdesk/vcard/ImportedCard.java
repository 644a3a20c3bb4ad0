package org.pressdesk.vcard;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.pressdesk.person.PersonInput;

/**
 * One card or row of an imported file, read into what we can write: the person, the organisation
 * (as the units of a vCard ORG, top first) with the title and role there, and a UUID to keep.
 *
 * @param card the card's number in the file (vCard), or null
 * @param line the first line of the card or the row's line
 */
record ImportedCard(Integer card, int line, PersonInput person, List<String> organisationUnits, String title,
		String role, String uuid) {

	String name() {
		return person.displayName() != null ? person.displayName()
				: String.join(" ", Stream.of(person.givenName(), person.familyName()).filter(Objects::nonNull).toList());
	}

}

package org.pressdesk.exchange;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.pressdesk.person.PersonInput;

/**
 * One card or row of an imported file, read into what we can write: the person, the
 * organisation (as the units of a vCard ORG, top first) with the title and role there,
 * and a UUID to keep.
 *
 * @param card the card's number in the file (vCard), or null
 * @param line the first line of the card or the row's line
 */
record ImportedCard(Integer card, int line, PersonInput person, List<String> organisationUnits, String title,
		String role, String uuid) {

	/**
	 * Only a random (version 4) UUID, as ours are, is kept as a new person's id (so that
	 * an export imported again gives the same cards); a file cannot give people made-up
	 * ids such as {@code 00000000-0000-0000-0000-000000000000}.
	 */
	private static final Pattern RANDOM_UUID = Pattern
		.compile("(?i)(?:urn:uuid:)?([0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})");

	/** The id a card's UID or a row's id asks to keep, or null. */
	static String keptId(String uid) {
		Matcher uuid = uid == null ? null : RANDOM_UUID.matcher(uid.strip());
		return uuid != null && uuid.matches() ? uuid.group(1).toLowerCase(Locale.ROOT) : null;
	}

	String name() {
		PersonInput.Name name = person.name();
		return name.displayName() != null ? name.displayName()
				: String.join(" ", Stream.of(name.givenName(), name.familyName()).filter(Objects::nonNull).toList());
	}

}

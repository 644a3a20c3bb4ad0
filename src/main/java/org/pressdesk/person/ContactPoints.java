package org.pressdesk.person;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.pressdesk.text.Folding;

/**
 * What identifies a person when their cards are matched: ids (a card's UID), emails,
 * phones (E.164) and LinkedIn profiles, collected for a whole import and looked up
 * together ({@link PersonRepository#owners}).
 */
public record ContactPoints(Set<String> ids, Set<String> emails, Set<String> phones, Set<String> linkedinUrls) {

	public ContactPoints() {
		this(new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>());
	}

	/** Adds the card's id (or null) and the draft's contact points. */
	public void add(String id, PersonDraft draft) {
		if (id != null) {
			ids.add(id);
		}
		draft.emails().forEach(email -> emails.add(email.value()));
		draft.phones().forEach(phone -> phones.add(phone.value()));
		if (draft.linkedinUrl() != null) {
			linkedinUrls.add(draft.linkedinUrl());
		}
	}

	/** The keys under which {@link PersonRepository#owners} lists who has them. */
	public static Stream<String> keysOf(String id, PersonDraft draft) {
		return Stream
			.of(Stream.ofNullable(id).map(i -> key("id", i)),
					draft.emails().stream().map(email -> key("email", email.value())),
					draft.phones().stream().map(phone -> key("phone", phone.value())),
					Stream.ofNullable(draft.linkedinUrl()).map(url -> key("linkedin", url)))
			.flatMap(keys -> keys);
	}

	/** Emails and ids match without regard to case, as the database compares them. */
	static String key(String kind, String value) {
		return kind + ":" + value.toLowerCase(Locale.ROOT);
	}

	/** A family and given name, case and accents aside. */
	public static String nameKey(String familyName, String givenName) {
		return (familyName == null ? "" : Folding.fold(familyName)) + "\u0000"
				+ (givenName == null ? "" : Folding.fold(givenName));
	}

}

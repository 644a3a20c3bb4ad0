package org.pressdesk.person;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.codec.language.DoubleMetaphone;

import org.pressdesk.text.Folding;

/**
 * What two records of one person tend to share, as keys of the search index: an email
 * (any case), a phone (E.164), a LinkedIn profile, the name folded for accents, case,
 * punctuation and titles written into it, and the name's sound. People who share a key
 * may be one ({@link PersonSearch#sharedKeys}).
 */
final class SameKeys {

	/** The kinds of key, each a prefix of its keys ({@code email:jane@example.org}). */
	enum Kind {

		EMAIL, PHONE, LINKEDIN, NAME, NAME_SOUND;

		String key(String value) {
			return name() + ":" + value;
		}

		static Kind of(String key) {
			return valueOf(key.substring(0, key.indexOf(':')));
		}

		/** The value of a key of this kind. */
		String valueIn(String key) {
			return key.substring(name().length() + 1);
		}

	}

	/** Titles people write into a name field ("Dr Jane"), left out of its key. */
	private static final Set<String> TITLES = Set.of("dr", "prof", "professor", "sir", "dame", "mr", "mrs", "ms",
			"miss", "mx", "lord", "lady", "rev");

	private SameKeys() {
	}

	/**
	 * Longer codes than a search's (4): a key groups people who may be one, so it should
	 * not group every "Smith" with every "Schmidt".
	 */
	private static final DoubleMetaphone SOUND = soundOfWholeNames();

	private static DoubleMetaphone soundOfWholeNames() {
		DoubleMetaphone sound = new DoubleMetaphone();
		sound.setMaxCodeLen(12);
		return sound;
	}

	static Set<String> of(Person person) {
		Set<String> keys = new LinkedHashSet<>();
		person.emails().forEach(email -> keys.add(Kind.EMAIL.key(email.value().toLowerCase(Locale.ROOT))));
		person.phones().forEach(phone -> keys.add(Kind.PHONE.key(phone.value())));
		if (person.linkedinUrl() != null) {
			keys.add(Kind.LINKEDIN.key(person.linkedinUrl().toLowerCase(Locale.ROOT)));
		}
		String[] given = words(person.name().givenName());
		String[] family = words(person.name().familyName());
		if (given.length > 0 && family.length > 0) {
			keys.add(Kind.NAME.key(String.join("", given) + " " + String.join("", family)));
			String givenSound = SOUND.doubleMetaphone(given[0]);
			String familySound = SOUND.doubleMetaphone(String.join("", family));
			if (givenSound != null && !givenSound.isEmpty() && familySound != null && !familySound.isEmpty()) {
				keys.add(Kind.NAME_SOUND.key(givenSound + " " + familySound));
			}
		}
		return keys;
	}

	/** The name's words, folded, letters only, without titles. */
	private static String[] words(String name) {
		if (name == null) {
			return new String[0];
		}
		return Arrays.stream(Folding.fold(name).split("[^\\p{L}]+"))
			.filter(word -> !word.isEmpty() && !TITLES.contains(word))
			.toArray(String[]::new);
	}

}

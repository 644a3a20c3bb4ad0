package org.pressdesk.person;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.NonNull;

/**
 * How a person is named: the parts, the name shown (derived from the parts in the name's
 * own order unless one was given), and how the parts are read out (their phonetic forms).
 */
public record PersonName(String honorificPrefix, String givenName, String additionalNames, String familyName,
		String honorificSuffix, @NonNull String displayName, @JsonIgnore boolean displayNameGiven,
		@NonNull NameOrder nameOrder, String phoneticGivenName, String phoneticFamilyName) {

	/** How the name is read out, in the name's own order ("うえやま たかひろ"), or null. */
	public String reading() {
		String given = phoneticGivenName == null ? "" : phoneticGivenName;
		String family = phoneticFamilyName == null ? "" : phoneticFamilyName;
		String reading = (nameOrder == NameOrder.FAMILY_FIRST ? family + " " + given : given + " " + family).strip();
		return reading.isEmpty() ? null : reading;
	}

}

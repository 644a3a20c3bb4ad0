package org.pressdesk.person;

import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Whether the family name is written first (Japanese, Chinese, Hungarian names) or last.
 */
public enum NameOrder {

	GIVEN_FIRST, FAMILY_FIRST;

	/**
	 * The display name made from the name parts in this order: "Dr Jane Example", "山田
	 * 花子".
	 */
	public String displayName(String prefix, String given, String additional, String family, String suffix) {
		Stream<String> parts = this == FAMILY_FIRST ? Stream.of(prefix, family, given, additional, suffix)
				: Stream.of(prefix, given, additional, family, suffix);
		return parts.filter(Objects::nonNull).collect(Collectors.joining(" "));
	}

}

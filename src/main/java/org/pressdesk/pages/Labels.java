package org.pressdesk.pages;

import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * How the pages name a value of an enum: {@code PRESS_CONTACT} reads "Press contact".
 * Templates call it as {@code ${@labels.of(value)}}.
 */
@Component("labels")
public class Labels {

	public String of(Enum<?> value) {
		if (value == null) {
			return null;
		}
		String words = value.name().replace('_', ' ').toLowerCase(Locale.ROOT);
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

}

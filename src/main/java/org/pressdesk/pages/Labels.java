package org.pressdesk.pages;

import java.util.Locale;

import org.pressdesk.person.PhoneKind;

import org.springframework.stereotype.Component;

/**
 * How the pages name a value of an enum: {@code PRESS_CONTACT} reads "Press contact".
 * Templates call it as {@code ${@labels.of(value)}}.
 */
@Component("labels")
public class Labels {

	public String of(Enum<?> value) {
		return value == null ? null : words(value.name());
	}

	/**
	 * The same for a constant's name kept as text ({@code LOGIN_FAILED}). Not an overload
	 * of {@link #of}: SpEL may pick either and convert the argument.
	 */
	public String words(String constant) {
		if (constant == null || constant.isEmpty()) {
			return constant;
		}
		String words = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	/**
	 * A phone's kind and its label, the label only when it says more than the kind
	 * ("Mobile", not "mobile, mobile").
	 */
	public String phone(PhoneKind kind, String label) {
		String kindInWords = of(kind);
		return label == null || label.equalsIgnoreCase(kindInWords) ? kindInWords : kindInWords + ", " + label;
	}

}

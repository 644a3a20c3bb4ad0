package org.pressdesk.person;

import java.util.List;
import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import org.pressdesk.system.InvalidInput;
import org.pressdesk.system.PressdeskSettings;

import org.springframework.stereotype.Component;

/**
 * Phone numbers as people write them ({@code +44 (0) 1223 000000}, {@code 01223 000000})
 * turned into E.164, with the configured region for numbers written without a country
 * code.
 */
@Component
public class PhoneNumbers {

	private static final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

	private final String defaultRegion;

	PhoneNumbers(PressdeskSettings settings) {
		this.defaultRegion = settings.phoneDefaultRegion();
	}

	public String toE164(String written, String field) {
		return parse(written).filter(util::isPossibleNumber)
			.map(number -> util.format(number, PhoneNumberFormat.E164))
			.orElseThrow(() -> new InvalidInput(field,
					"is not a possible phone number; write it with its country code, e.g. +44 1223 000000"));
	}

	/**
	 * An E.164 number as dialled from abroad, grouped for reading:
	 * {@code +44 1223 000000}.
	 */
	public String international(String e164) {
		return parse(e164).map(number -> util.format(number, PhoneNumberFormat.INTERNATIONAL)).orElse(e164);
	}

	/**
	 * The forms a person might type for a stored number: international and national
	 * digits.
	 */
	List<String> searchableDigits(String e164) {
		return parse(e164)
			.map(number -> List.of(digits(util.format(number, PhoneNumberFormat.E164)),
					digits(util.format(number, PhoneNumberFormat.NATIONAL)), util.getNationalSignificantNumber(number)))
			.orElse(List.of(digits(e164)));
	}

	/** The E.164 digits of what a searcher typed, when it reads as a phone number. */
	Optional<String> e164Digits(String typed) {
		return parse(typed).filter(util::isPossibleNumber).map(n -> digits(util.format(n, PhoneNumberFormat.E164)));
	}

	private Optional<PhoneNumber> parse(String written) {
		try {
			return Optional.of(util.parse(written, defaultRegion));
		}
		catch (NumberParseException ex) {
			return Optional.empty();
		}
	}

	static String digits(String text) {
		return text.replaceAll("\\D", "");
	}

}

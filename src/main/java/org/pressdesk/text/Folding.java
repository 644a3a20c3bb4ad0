package org.pressdesk.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds text for matching and sorting: lower case, accents removed, and the Latin letters
 * that Unicode does not decompose spelled the way people type them without a special
 * keyboard ("Łódź" → "lodz", "Straße" → "strasse"). Non-Latin scripts are kept as they
 * are.
 */
public final class Folding {

	private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

	private Folding() {
	}

	public static String fold(String text) {
		return unaccented(text).toLowerCase(Locale.ROOT);
	}

	/**
	 * The text without accents, in its own case, the undecomposable Latin letters spelled
	 * out ("Søren Łódź" → "Soren Lodz"): for an ASCII file name as well as for matching.
	 */
	public static String unaccented(String text) {
		if (text == null) {
			return "";
		}
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
		String unmarked = COMBINING_MARKS.matcher(decomposed).replaceAll("");
		StringBuilder folded = new StringBuilder(unmarked.length());
		unmarked.codePoints().forEach(c -> folded.append(switch (c) {
			case 'ß' -> "ss";
			case 'æ' -> "ae";
			case 'Æ' -> "AE";
			case 'œ' -> "oe";
			case 'Œ' -> "OE";
			case 'ø' -> "o";
			case 'Ø' -> "O";
			case 'ł' -> "l";
			case 'Ł' -> "L";
			case 'đ', 'ð' -> "d";
			case 'Đ', 'Ð' -> "D";
			case 'þ' -> "th";
			case 'Þ' -> "Th";
			case 'ı' -> "i";
			default -> Character.toString(c);
		}));
		return folded.toString();
	}

}

package org.pressdesk.person;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.ibm.icu.text.Transliterator;
import org.apache.commons.codec.language.DoubleMetaphone;

import org.pressdesk.text.Folding;

import org.springframework.stereotype.Component;

/**
 * The words a person is found under and the words of a query, folded the same way so that
 * "Lopez" finds "López" and "01223 000000" finds +441223000000: whole words and their
 * parts ("lopez-gomez", "lopez", "gomez"), characters and pairs of characters of Chinese,
 * Japanese and Korean (written without spaces), romanised readings of other scripts
 * ("うえやま" → "ueyama"), the sound of Latin names (Double Metaphone: "smith" and "smyth"
 * sound alike), common nicknames ("mike" → "michael"), and every run of four or more
 * digits of a phone number.
 */
@Component
class SearchTerms {

	static final int MAX_QUERY_WORDS = 8;

	static final int MAX_TERM_LENGTH = 100;

	private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");

	/**
	 * A letter of a script other than Latin: a name with one gets a romanised reading.
	 */
	private static final Pattern NOT_LATIN_LETTER = Pattern.compile("[\\p{L}&&[^\\p{IsLatin}]]");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private static final Set<String> STOP_WORDS = Set.of("of", "the", "for", "and", "at", "in", "on", "de", "la", "le",
			"du", "des", "di", "da", "der", "den", "und", "et");

	private static final Pattern PHONE_LIKE = Pattern.compile("[\\d\\s+().\\-/]+");

	/** A phone number is found by any run of at least this many of its digits. */
	static final int PHONE_RUN = 4;

	private final PhoneNumbers phoneNumbers;

	private final DoubleMetaphone metaphone = new DoubleMetaphone();

	/**
	 * Scripts other than Latin spelt in Latin letters. Han is left out: its Mandarin
	 * reading would make a Japanese name match unrelated English words ("long").
	 */
	private final Transliterator romaniser = Transliterator.getInstance("[:^Han:] Any-Latin; Latin-ASCII");

	private final Map<String, Set<String>> nicknames;

	SearchTerms(PhoneNumbers phoneNumbers) {
		this.phoneNumbers = phoneNumbers;
		this.nicknames = readNicknames();
	}

	/** What a query word is, which decides where it is looked for. */
	enum WordKind {

		TEXT, EMAIL, PHONE

	}

	/**
	 * One word of a query; a phone number typed with spaces is one word, in each of its
	 * digit forms. A word typed with hyphens or other joiners ("lopez-gomes") is its
	 * letters run together, and has {@code parts} (without stop words).
	 */
	record QueryWord(List<String> forms, WordKind kind, List<String> parts) {

		QueryWord(List<String> forms, WordKind kind) {
			this(forms, kind, List.of());
		}

		/** Its parts as words of their own. */
		List<QueryWord> partWords() {
			return parts.stream().map(part -> new QueryWord(List.of(part), kind)).toList();
		}

		String text() {
			return forms.get(0);
		}

		boolean isDigits() {
			return text().chars().allMatch(Character::isDigit);
		}

	}

	/** The words of a query, at most {@value #MAX_QUERY_WORDS}. */
	List<QueryWord> ofQuery(String query) {
		if (query == null || query.isBlank()) {
			return List.of();
		}
		String digits = PhoneNumbers.digits(query);
		if (PHONE_LIKE.matcher(query.strip()).matches() && digits.length() >= PHONE_RUN) {
			Set<String> forms = new LinkedHashSet<>();
			forms.add(digits);
			phoneNumbers.e164Digits(query).ifPresent(forms::add);
			return List.of(new QueryWord(List.copyOf(forms), WordKind.PHONE));
		}
		List<QueryWord> words = new ArrayList<>();
		for (String typed : SPACES.split(query.strip())) {
			String folded = Folding.fold(typed);
			if (folded.contains("@")) {
				words.add(new QueryWord(List.of(truncate(folded)), WordKind.EMAIL));
				continue;
			}
			for (String run : scriptRuns(folded)) {
				if (isCjk(run.codePointAt(0))) {
					// written without spaces: matched pair by pair
					cjkPairsOrSingle(run).forEach(pair -> words.add(new QueryWord(List.of(pair), WordKind.TEXT)));
				}
				else {
					String word = alphanumeric(run);
					if (!word.isEmpty()) {
						words.add(new QueryWord(List.of(truncate(word)), WordKind.TEXT, partsOf(run)));
					}
				}
			}
		}
		// "head of policy": "of" narrows nothing, and asks every person to have it
		List<QueryWord> significant = words.stream().filter(word -> !STOP_WORDS.contains(word.text())).toList();
		List<QueryWord> kept = significant.isEmpty() ? words : significant;
		return kept.subList(0, Math.min(kept.size(), MAX_QUERY_WORDS));
	}

	/**
	 * The words of a text: each whole word folded and without punctuation, its parts, and
	 * the characters and pairs of its Chinese, Japanese or Korean runs.
	 */
	Set<String> words(String text) {
		Set<String> words = new LinkedHashSet<>();
		if (text == null) {
			return words;
		}
		for (String word : SPACES.split(Folding.fold(text))) {
			for (String run : scriptRuns(word)) {
				if (isCjk(run.codePointAt(0))) {
					words.addAll(cjkGrams(run));
				}
				else {
					words.add(truncate(alphanumeric(run)));
					for (String part : NOT_ALPHANUMERIC.split(run)) {
						words.add(truncate(part));
					}
				}
			}
		}
		words.remove("");
		return words;
	}

	/**
	 * The words of a name as it is read: also its Chinese, Japanese or Korean characters
	 * run together across the spaces ("上山 隆大" is typed "上山隆大"), and its romanised reading
	 * when it is written in another script.
	 */
	Set<String> nameWords(String name) {
		Set<String> words = words(name);
		if (name == null) {
			return words;
		}
		String joined = SPACES.matcher(name).replaceAll("");
		for (String run : scriptRuns(Folding.fold(joined))) {
			if (isCjk(run.codePointAt(0))) {
				words.addAll(cjkGrams(run));
			}
		}
		if (NOT_LATIN_LETTER.matcher(name).find()) {
			words.addAll(words(romanised(name)));
		}
		return words;
	}

	/**
	 * The sounds of a Latin word (one or two Double Metaphone codes); empty for others.
	 */
	Set<String> sounds(String word) {
		Set<String> sounds = new LinkedHashSet<>();
		if (word.length() < 3 || !word.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
			return sounds;
		}
		sounds.add(metaphone.doubleMetaphone(word));
		sounds.add(metaphone.doubleMetaphone(word, true));
		sounds.remove("");
		return sounds;
	}

	/** Other names the same given name goes by ("mike": "michael", "mick", …). */
	Set<String> nicknamesOf(String word) {
		return nicknames.getOrDefault(word, Set.of());
	}

	/**
	 * Every run of at least {@value #PHONE_RUN} digits of the number, in its
	 * international, national and national significant forms: each suffix, which a typed
	 * run begins.
	 */
	Set<String> phoneRuns(String e164) {
		Set<String> runs = new LinkedHashSet<>();
		for (String digits : phoneNumbers.searchableDigits(e164)) {
			for (int from = 0; from + PHONE_RUN <= digits.length(); from++) {
				runs.add(digits.substring(from));
			}
		}
		return runs;
	}

	/** An email address as a whole, folded, for a query that types one. */
	static String address(String email) {
		return truncate(Folding.fold(email));
	}

	private String romanised(String text) {
		synchronized (romaniser) {
			return romaniser.transliterate(text);
		}
	}

	/**
	 * The text cut where it passes between Chinese, Japanese or Korean and other letters.
	 */
	private static List<String> scriptRuns(String text) {
		List<String> runs = new ArrayList<>();
		StringBuilder run = new StringBuilder();
		Boolean cjk = null;
		for (int i = 0; i < text.length();) {
			int c = text.codePointAt(i);
			boolean isCjk = isCjk(c);
			if (cjk != null && isCjk != cjk) {
				runs.add(run.toString());
				run.setLength(0);
			}
			cjk = isCjk;
			run.appendCodePoint(c);
			i += Character.charCount(c);
		}
		if (!run.isEmpty()) {
			runs.add(run.toString());
		}
		return runs;
	}

	private static boolean isCjk(int codePoint) {
		Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
		return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
				|| script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
	}

	/** Each character of the run and each pair of neighbours. */
	private static Set<String> cjkGrams(String run) {
		Set<String> grams = new LinkedHashSet<>();
		int[] characters = run.codePoints().toArray();
		for (int i = 0; i < characters.length; i++) {
			grams.add(Character.toString(characters[i]));
			if (i + 1 < characters.length) {
				grams.add(Character.toString(characters[i]) + Character.toString(characters[i + 1]));
			}
		}
		return grams;
	}

	/** The pairs a typed run is matched by, or the one character typed. */
	private static List<String> cjkPairsOrSingle(String run) {
		int[] characters = run.codePoints().toArray();
		if (characters.length == 1) {
			return List.of(run);
		}
		List<String> pairs = new ArrayList<>();
		for (int i = 0; i + 1 < characters.length; i++) {
			pairs.add(Character.toString(characters[i]) + Character.toString(characters[i + 1]));
		}
		return pairs;
	}

	private static List<String> partsOf(String run) {
		List<String> parts = NOT_ALPHANUMERIC.splitAsStream(run)
			.filter(part -> !part.isEmpty() && !STOP_WORDS.contains(part))
			.map(SearchTerms::truncate)
			.toList();
		return parts.size() > 1 ? parts : List.of();
	}

	private static String alphanumeric(String text) {
		return NOT_ALPHANUMERIC.matcher(text).replaceAll("");
	}

	private static String truncate(String term) {
		return term.length() <= MAX_TERM_LENGTH ? term : term.substring(0, MAX_TERM_LENGTH);
	}

	/**
	 * The groups of given names that are one name (search/nicknames.txt): each name maps
	 * to the others of its groups.
	 */
	private static Map<String, Set<String>> readNicknames() {
		Map<String, Set<String>> nicknames = new HashMap<>();
		try (InputStream in = SearchTerms.class.getResourceAsStream("/search/nicknames.txt")) {
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				List<String> group = List.of(line.strip().split("\\s*,\\s*"));
				for (String name : group) {
					Set<String> others = nicknames.computeIfAbsent(name, n -> new LinkedHashSet<>());
					group.stream().filter(other -> !other.equals(name)).forEach(others::add);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return nicknames;
	}

}

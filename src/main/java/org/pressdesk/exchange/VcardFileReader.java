package org.pressdesk.exchange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.parameter.EmailType;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Categories;
import ezvcard.property.FormattedName;
import ezvcard.property.Note;
import ezvcard.property.RawProperty;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.property.VCardProperty;

import org.pressdesk.person.NameOrder;
import org.pressdesk.person.PersonInput;
import org.pressdesk.person.PersonInput.EmailInput;
import org.pressdesk.person.PersonInput.PhoneInput;
import org.pressdesk.person.PhoneKind;
import org.pressdesk.system.InvalidInput;
import org.pressdesk.text.LinkedIn;
import org.pressdesk.text.Texts;

/**
 * Reads a .vcf file (vCard 2.1, 3.0 or 4.0, one or many cards, as Apple, Google, Outlook,
 * Android and Thunderbird write them) into cards to import. It checks the structure
 * itself (every BEGIN has its END) and the limits, so that a broken card is reported by
 * number and line while the others are still read. Nothing a card points to (PHOTO, LOGO,
 * URL) is ever fetched.
 */
final class VcardFileReader {

	/** Apple writes its own labels as {@code _$!<Other>!$_}. */
	private static final Pattern APPLE_LABEL = Pattern.compile("^_\\$!<(.*)>!\\$_$");

	private VcardFileReader() {
	}

	static ReadFile read(String text, ImportSettings limits) {
		String[] lines = text.split("\r\n|\r|\n", -1);
		List<ImportedCard> cards = new ArrayList<>();
		List<ImportReport.CardProblem> problems = new ArrayList<>();
		int number = 0;
		Integer begin = null;
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i];
			String keyword = line.strip().toUpperCase(Locale.ROOT);
			if (keyword.equals("BEGIN:VCARD")) {
				if (begin != null) {
					problems.add(new ImportReport.CardProblem(number, begin + 1, "END", "the card has no END:VCARD"));
				}
				number++;
				begin = i;
			}
			else if (keyword.equals("END:VCARD") && begin != null) {
				if (number > limits.maxCards()) {
					problems.add(new ImportReport.CardProblem(null, i + 1, "file",
							"has more than " + limits.maxCards() + " cards"));
					return new ReadFile(List.of(), problems);
				}
				readCard(number, begin, lines, i, limits, cards, problems);
				begin = null;
			}
			else if (begin == null && !line.isBlank()) {
				problems
					.add(new ImportReport.CardProblem(null, i + 1, "file", "text outside of BEGIN:VCARD … END:VCARD"));
			}
		}
		if (begin != null) {
			problems.add(new ImportReport.CardProblem(number, begin + 1, "END", "the card has no END:VCARD"));
		}
		return new ReadFile(cards, problems);
	}

	private static void readCard(int number, int begin, String[] lines, int end, ImportSettings limits,
			List<ImportedCard> cards, List<ImportReport.CardProblem> problems) {
		if (end - begin + 1 > limits.maxLinesPerCard()) {
			problems.add(new ImportReport.CardProblem(number, begin + 1, "card",
					"has more than " + limits.maxLinesPerCard() + " lines"));
			return;
		}
		int logicalLength = 0;
		for (int i = begin; i <= end; i++) {
			if (lines[i].length() > limits.maxLineLength()) {
				problems.add(new ImportReport.CardProblem(number, i + 1, "line",
						"is longer than " + limits.maxLineLength() + " characters"));
				return;
			}
			boolean continuation = !lines[i].isEmpty() && (lines[i].charAt(0) == ' ' || lines[i].charAt(0) == '\t');
			boolean softBreak = i > begin && lines[i - 1].endsWith("=")
					&& lines[i - 1].toUpperCase(Locale.ROOT).contains("QUOTED-PRINTABLE");
			logicalLength = continuation || softBreak ? logicalLength + lines[i].length() : lines[i].length();
			if (logicalLength > limits.maxValueLength()) {
				problems.add(new ImportReport.CardProblem(number, i + 1, "value",
						"is longer than " + limits.maxValueLength() + " characters"));
				return;
			}
		}
		String cardText = String.join("\r\n", Arrays.copyOfRange(lines, begin, end + 1)) + "\r\n";
		VCard card = Ezvcard.parse(cardText).first();
		if (card == null) {
			problems.add(new ImportReport.CardProblem(number, begin + 1, "file", "the card cannot be read"));
			return;
		}
		try {
			cards.add(toImported(number, begin + 1, card));
		}
		catch (InvalidInput ex) {
			ex.problems()
				.forEach(p -> problems.add(new ImportReport.CardProblem(number, begin + 1, p.field(), p.message())));
		}
	}

	private static ImportedCard toImported(int number, int line, VCard card) {
		StructuredName n = card.getStructuredName();
		FormattedName fn = card.getFormattedName();
		String family = n == null ? null : Texts.blankToNull(n.getFamily());
		String given = n == null ? null : Texts.blankToNull(n.getGiven());
		String additional = n == null ? null : joined(n.getAdditionalNames());
		String prefix = n == null ? null : joined(n.getPrefixes());
		String suffix = n == null ? null : joined(n.getSuffixes());
		String formatted = fn == null ? null : Texts.blankToNull(fn.getValue());
		if (family == null && given == null && formatted == null) {
			throw new InvalidInput("FN", "the card has no name (neither FN nor N)");
		}
		NameOrder order = formatted != null
				&& formatted.equals(NameOrder.FAMILY_FIRST.displayName(prefix, given, additional, family, suffix))
				&& !formatted.equals(NameOrder.GIVEN_FIRST.displayName(prefix, given, additional, family, suffix))
						? NameOrder.FAMILY_FIRST : NameOrder.GIVEN_FIRST;
		String displayName = formatted != null
				&& !formatted.equals(order.displayName(prefix, given, additional, family, suffix)) ? formatted : null;

		List<EmailInput> emails = card.getEmails()
			.stream()
			.filter(e -> Texts.blankToNull(e.getValue()) != null)
			.map(e -> new EmailInput(e.getValue().strip(),
					labelOf(card, e, e.getTypes().contains(EmailType.HOME) ? "home" : "work"), null,
					isPreferred(e.getPref(), e.getTypes().contains(EmailType.PREF))))
			.toList();
		List<PhoneInput> phones = card.getTelephoneNumbers()
			.stream()
			.map(t -> new PhoneInput(phoneText(t), kindOf(t),
					labelOf(card, t, t.getTypes().contains(TelephoneType.HOME) ? "home" : "work"), null,
					isPreferred(t.getPref(), t.getTypes().contains(TelephoneType.PREF))))
			.filter(p -> p.value() != null)
			.toList();
		PersonInput.Name name = new PersonInput.Name(prefix, given, additional, family, suffix, displayName, order,
				extended(card, "X-PHONETIC-FIRST-NAME"), extended(card, "X-PHONETIC-LAST-NAME"));
		PersonInput person = new PersonInput(name, extended(card, "PRONOUNS"), linkedIn(card),
				firstPreferredOnly(emails, e -> Boolean.TRUE.equals(e.primary()),
						(e, primary) -> new EmailInput(e.value(), e.label(), e.visibility(), primary)),
				firstPreferredOnly(phones, p -> Boolean.TRUE.equals(p.primary()),
						(p, primary) -> new PhoneInput(p.value(), p.kind(), p.label(), p.visibility(), primary)),
				card.getCategoriesList()
					.stream()
					.map(Categories::getValues)
					.flatMap(List::stream)
					.map(Texts::blankToNull)
					.filter(Objects::nonNull)
					.distinct()
					.toList(),
				Texts.blankToNull(card.getNotes().stream().map(Note::getValue).collect(Collectors.joining("\n\n"))),
				null, null);

		// our own cards join the units below the top organisation into ORG's second
		// component (PersonCards.twoComponents): split them again
		List<String> units = card.getOrganization() == null ? List.of()
				: card.getOrganization()
					.getValues()
					.stream()
					.flatMap(value -> value == null ? Stream.empty()
							: Arrays.stream(value.split(Pattern.quote(PersonCards.UNIT_SEPARATOR))))
					.map(Texts::blankToNull)
					.filter(Objects::nonNull)
					.toList();
		String title = card.getTitles().isEmpty() ? null : Texts.blankToNull(card.getTitles().get(0).getValue());
		String role = card.getRoles().isEmpty() ? null : Texts.blankToNull(card.getRoles().get(0).getValue());
		String uuid = card.getUid() == null ? null : ImportedCard.keptId(card.getUid().getValue());
		return new ImportedCard(number, line, person, units, title, role, uuid);
	}

	/**
	 * The first LinkedIn profile among the card's URLs and social profiles; other links
	 * are ignored.
	 */
	private static String linkedIn(VCard card) {
		Stream<String> links = Stream.concat(card.getUrls().stream().map(u -> u.getValue()),
				Stream.concat(card.getExtendedProperties("X-SOCIALPROFILE").stream().map(RawProperty::getValue),
						card.getExtendedProperties("SOCIALPROFILE").stream().map(RawProperty::getValue)));
		return links.filter(Objects::nonNull).map(link -> {
			try {
				return LinkedIn.profile(link, "URL");
			}
			catch (InvalidInput notAProfile) {
				return null;
			}
		}).filter(Objects::nonNull).findFirst().orElse(null);
	}

	/**
	 * Apple's label of a grouped property ({@code item1.TEL} with
	 * {@code item1.X-ABLabel:Assistant}); its own labels are written
	 * {@code _$!<Other>!$_}. Without one, {@code otherwise}.
	 */
	private static String labelOf(VCard card, VCardProperty property, String otherwise) {
		if (property.getGroup() == null) {
			return otherwise;
		}
		return card.getExtendedProperties("X-ABLabel")
			.stream()
			.filter(label -> property.getGroup().equalsIgnoreCase(label.getGroup()))
			.map(label -> Texts.blankToNull(APPLE_LABEL.matcher(label.getValue()).replaceAll("$1")))
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(otherwise);
	}

	private static String phoneText(Telephone telephone) {
		if (telephone.getText() != null) {
			return Texts.blankToNull(telephone.getText());
		}
		return telephone.getUri() == null ? null : Texts.blankToNull(telephone.getUri().getNumber());
	}

	private static PhoneKind kindOf(Telephone telephone) {
		if (telephone.getTypes().contains(TelephoneType.CELL)) {
			return PhoneKind.MOBILE;
		}
		return telephone.getTypes().contains(TelephoneType.FAX) ? PhoneKind.FAX : PhoneKind.VOICE;
	}

	private static boolean isPreferred(Integer pref, boolean typePref) {
		return typePref || (pref != null && pref == 1);
	}

	/** Several "pref" values happen in the wild; the first one wins. */
	private static <T> List<T> firstPreferredOnly(List<T> values, Predicate<T> preferred,
			BiFunction<T, Boolean, T> withPrimary) {
		List<T> result = new ArrayList<>();
		boolean seen = false;
		for (T value : values) {
			boolean primary = preferred.test(value) && !seen;
			seen |= primary;
			result.add(withPrimary.apply(value, primary));
		}
		return result;
	}

	private static String extended(VCard card, String name) {
		RawProperty property = card.getExtendedProperty(name);
		return property == null ? null : Texts.blankToNull(property.getValue());
	}

	private static String joined(List<String> values) {
		return Texts.blankToNull(String.join(" ", values));
	}

}

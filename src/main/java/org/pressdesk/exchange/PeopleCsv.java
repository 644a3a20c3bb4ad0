package org.pressdesk.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.pressdesk.person.Email;
import org.pressdesk.person.Person;
import org.pressdesk.person.Phone;

/**
 * People as CSV, one row each, with the header documented in the README (imports read the
 * same columns). Lists (emails, phones, topics) are joined with "; ", the primary first.
 */
final class PeopleCsv {

	static final List<String> COLUMNS = List.of("id", "honorificPrefix", "givenName", "additionalNames", "familyName",
			"honorificSuffix", "displayName", "nameOrder", "phoneticGivenName", "phoneticFamilyName", "pronouns",
			"emails", "phones", "organisation", "department", "title", "role", "linkedinUrl", "topics", "lawfulBasis",
			"source");

	static final String LIST_SEPARATOR = "; ";

	/**
	 * A spreadsheet would run a cell starting with these as a formula (CSV injection).
	 */
	private static final Pattern FORMULA_START = Pattern.compile("^[=+\\-@\t\r]");

	private PeopleCsv() {
	}

	static Rows writer(Writer out) {
		try {
			return new Rows(
					new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A cell made safe to open in a spreadsheet: a leading {@code '} stops formula
	 * evaluation.
	 */
	static String safe(String value) {
		return value != null && FORMULA_START.matcher(value).find() ? "'" + value : value;
	}

	/** Undoes {@link #safe} on import. */
	static String unsafe(String value) {
		return value != null && value.startsWith("'") && FORMULA_START.matcher(value.substring(1)).find()
				? value.substring(1) : value;
	}

	/** Writes rows as people come, so that an export is streamed. */
	record Rows(CSVPrinter printer) implements AutoCloseable {

		void write(Person person, LocalDate today) {
			var affiliation = person.currentAffiliation(today);
			List<String> cells = List.of(person.id(), orEmpty(person.name().honorificPrefix()),
					orEmpty(person.name().givenName()), orEmpty(person.name().additionalNames()),
					orEmpty(person.name().familyName()), orEmpty(person.name().honorificSuffix()), person.displayName(),
					person.name().nameOrder().name(), orEmpty(person.name().phoneticGivenName()),
					orEmpty(person.name().phoneticFamilyName()), orEmpty(person.pronouns()),
					String.join(LIST_SEPARATOR, person.emails().stream().map(Email::value).toList()),
					String.join(LIST_SEPARATOR, person.phones().stream().map(Phone::value).toList()),
					affiliation.map(a -> a.organisationName()).orElse(""),
					affiliation.map(a -> orEmpty(a.department())).orElse(""),
					affiliation.map(a -> orEmpty(a.title())).orElse(""),
					affiliation.map(a -> orEmpty(a.role())).orElse(""), orEmpty(person.linkedinUrl()),
					String.join(LIST_SEPARATOR, person.topics()),
					person.lawfulBasis() == null ? "" : person.lawfulBasis().name(), orEmpty(person.source()));
			try {
				printer.printRecord(cells.stream().map(PeopleCsv::safe).toList());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public void close() throws IOException {
			printer.close(true);
		}

		private static String orEmpty(String text) {
			return text == null ? "" : text;
		}

	}

}

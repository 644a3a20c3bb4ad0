package org.pressdesk.exchange;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.pressdesk.person.LawfulBasis;
import org.pressdesk.person.NameOrder;
import org.pressdesk.person.PersonInput;
import org.pressdesk.person.PersonInput.EmailInput;
import org.pressdesk.person.PersonInput.PhoneInput;
import org.pressdesk.system.InvalidInput;

/**
 * Reads a CSV file with the columns of our CSV export (see {@link PeopleCsv#COLUMNS}; any
 * subset, in any order, with a header row). Lists are separated by ";", the primary
 * first. Phones come in as VOICE and contact points as INTERNAL: neither kind nor
 * visibility is a column.
 */
final class CsvFileReader {

	private CsvFileReader() {
	}

	static ReadFile read(String text, ImportSettings limits) {
		List<ImportedCard> cards = new ArrayList<>();
		List<ImportReport.CardProblem> problems = new ArrayList<>();
		CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
		try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
			List<String> unknown = parser.getHeaderNames()
				.stream()
				.filter(column -> !PeopleCsv.COLUMNS.contains(column))
				.toList();
			unknown.forEach(column -> problems.add(new ImportReport.CardProblem(null, 1, column,
					"is not a column we know; the columns are " + String.join(", ", PeopleCsv.COLUMNS))));
			if (!unknown.isEmpty()) {
				return new ReadFile(List.of(), problems);
			}
			for (CSVRecord record : parser) {
				int line = (int) parser.getCurrentLineNumber();
				if (record.getRecordNumber() > limits.maxCards()) {
					problems.add(new ImportReport.CardProblem(null, line, "file",
							"has more than " + limits.maxCards() + " rows"));
					return new ReadFile(List.of(), problems);
				}
				try {
					cards.add(toImported(line, record.toMap(), limits));
				}
				catch (InvalidInput ex) {
					ex.problems()
						.forEach(p -> problems.add(new ImportReport.CardProblem(null, line, p.field(), p.message())));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (IllegalStateException | IllegalArgumentException | UncheckedIOException ex) {
			// commons-csv reports malformed quoting and duplicate headers this way
			problems.add(new ImportReport.CardProblem(null, null, "file",
					"is not a CSV file we can read: " + ex.getMessage()));
		}
		return new ReadFile(cards, problems);
	}

	private static ImportedCard toImported(int line, Map<String, String> row, ImportSettings limits) {
		for (var cell : row.entrySet()) {
			if (cell.getValue() != null && cell.getValue().length() > limits.maxValueLength()) {
				throw new InvalidInput(cell.getKey(), "is longer than " + limits.maxValueLength() + " characters");
			}
		}
		Function<String, String> cell = column -> {
			String value = PeopleCsv.unsafe(row.get(column));
			return value == null || value.isBlank() ? null : value.strip();
		};
		List<String> emails = list(cell.apply("emails"));
		List<String> phones = list(cell.apply("phones"));
		PersonInput.Name name = new PersonInput.Name(cell.apply("honorificPrefix"), cell.apply("givenName"),
				cell.apply("additionalNames"), cell.apply("familyName"), cell.apply("honorificSuffix"),
				cell.apply("displayName"),
				cell.apply("nameOrder") == null ? null : parse(NameOrder.class, "nameOrder", cell.apply("nameOrder")),
				cell.apply("phoneticGivenName"), cell.apply("phoneticFamilyName"));
		if (name.derivedDisplayName().equals(name.displayName())) {
			// the derived display name, exported: keep it derived
			name = name.withDisplayName(null);
		}
		PersonInput person = new PersonInput(name, cell.apply("pronouns"), cell.apply("linkedinUrl"),
				emails.stream().map(e -> new EmailInput(e, null, null, emails.indexOf(e) == 0)).toList(),
				phones.stream().map(p -> new PhoneInput(p, null, null, null, phones.indexOf(p) == 0)).toList(),
				list(cell.apply("topics")), null, cell.apply("lawfulBasis") == null ? null
						: parse(LawfulBasis.class, "lawfulBasis", cell.apply("lawfulBasis")),
				cell.apply("source"));
		String organisation = cell.apply("organisation");
		List<String> units = organisation == null ? List.of() : cell.apply("department") == null ? List.of(organisation)
				: List.of(organisation, cell.apply("department"));
		return new ImportedCard(null, line, person, units, cell.apply("title"), cell.apply("role"),
				ImportedCard.keptId(cell.apply("id")));
	}

	private static List<String> list(String value) {
		return value == null ? List.of()
				: Arrays.stream(value.split(";")).map(String::strip).filter(v -> !v.isEmpty()).toList();
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String column, String value) {
		try {
			return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput(column, "must be one of " + Arrays.toString(type.getEnumConstants()));
		}
	}

}

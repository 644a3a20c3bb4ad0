package org.pressdesk.pages;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.pressdesk.person.LawfulBasis;
import org.pressdesk.person.NameOrder;
import org.pressdesk.person.Person;
import org.pressdesk.person.PersonInput;
import org.pressdesk.person.PersonInput.EmailInput;
import org.pressdesk.person.PersonInput.PhoneInput;
import org.pressdesk.person.PhoneKind;
import org.pressdesk.person.Visibility;
import org.pressdesk.text.Topics;

/**
 * The edit form of a person, as the browser posts it (the rows as {@code emails[0].value}
 * …); it becomes the API's write model ({@link PersonInput}) before anything is checked.
 * Topics are typed as one line, separated by commas.
 */
record PersonForm(int version, String honorificPrefix, String givenName, String additionalNames, String familyName,
		String honorificSuffix, String displayName, NameOrder nameOrder, String phoneticGivenName,
		String phoneticFamilyName, String pronouns, String linkedinUrl, List<Row> emails, List<Row> phones,
		String topics, String notes, LawfulBasis lawfulBasis, String source) {

	PersonForm {
		nameOrder = nameOrder == null ? NameOrder.GIVEN_FIRST : nameOrder;
		// a row the browser left out (the indexes have a gap) binds as null
		emails = emails == null ? List.of() : emails.stream().filter(Objects::nonNull).toList();
		phones = phones == null ? List.of() : phones.stream().filter(Objects::nonNull).toList();
	}

	/**
	 * One email or phone: {@code kind} only for phones; {@code primary} is a
	 * {@code Boolean} because an unticked box sends nothing.
	 */
	record Row(String value, String label, Visibility visibility, PhoneKind kind, Boolean primary) {

		static final Row SPARE = new Row(null, null, null, null, false);

		Row {
			visibility = visibility == null ? Visibility.INTERNAL : visibility;
			kind = kind == null ? PhoneKind.VOICE : kind;
			primary = Boolean.TRUE.equals(primary);
		}

		boolean isEmpty() {
			return value == null || value.isBlank();
		}

	}

	/** An empty form for a new person, with one row for an email and one for a phone. */
	static PersonForm blank() {
		return new PersonForm(0, null, null, null, null, null, null, null, null, null, null, null, List.of(), List.of(),
				null, null, null, null)
			.withSpareRows();
	}

	static PersonForm of(Person person) {
		return new PersonForm(person.version(), person.name().honorificPrefix(), person.name().givenName(),
				person.name().additionalNames(), person.name().familyName(), person.name().honorificSuffix(),
				// a derived display name stays derived: the form shows it empty, so
				// renaming
				// updates it
				person.name().displayNameGiven() ? person.displayName() : null, person.name().nameOrder(),
				person.name().phoneticGivenName(), person.name().phoneticFamilyName(), person.pronouns(),
				person.linkedinUrl(),
				person.emails()
					.stream()
					.map(email -> new Row(email.value(), email.label(), email.visibility(), null, email.primary()))
					.toList(),
				person.phones()
					.stream()
					.map(phone -> new Row(phone.international() != null ? phone.international() : phone.value(),
							phone.label(), phone.visibility(), phone.kind(), phone.primary()))
					.toList(),
				String.join(", ", person.topics()), person.notes(), person.lawfulBasis(), person.source())
			.withSpareRows();
	}

	/**
	 * The same form without the rows left empty, so that the rows' indexes are those of
	 * the write model and an error about {@code phones[1]} is shown next to the second
	 * phone on the page.
	 */
	PersonForm withoutEmptyRows() {
		return withRows(emails.stream().filter(row -> !row.isEmpty()).toList(),
				phones.stream().filter(row -> !row.isEmpty()).toList());
	}

	/**
	 * The same form with an empty row at the end for a new email and phone, as the page
	 * shows it.
	 */
	PersonForm withSpareRows() {
		return withRows(withSpareRow(emails), withSpareRow(phones));
	}

	private static List<Row> withSpareRow(List<Row> rows) {
		return !rows.isEmpty() && rows.get(rows.size() - 1).isEmpty() ? rows
				: Stream.concat(rows.stream(), Stream.of(Row.SPARE)).toList();
	}

	private PersonForm withRows(List<Row> emails, List<Row> phones) {
		return new PersonForm(version, honorificPrefix, givenName, additionalNames, familyName, honorificSuffix,
				displayName, nameOrder, phoneticGivenName, phoneticFamilyName, pronouns, linkedinUrl, emails, phones,
				topics, notes, lawfulBasis, source);
	}

	/**
	 * What the form says, as the API's write model (the same checks as the API's, then).
	 * Empty rows are left out.
	 */
	PersonInput toInput() {
		PersonForm filled = withoutEmptyRows();
		return new PersonInput(
				new PersonInput.Name(honorificPrefix, givenName, additionalNames, familyName, honorificSuffix,
						displayName, nameOrder, phoneticGivenName, phoneticFamilyName),
				pronouns, linkedinUrl,
				filled.emails.stream()
					.map(row -> new EmailInput(row.value, row.label, row.visibility, row.primary))
					.toList(),
				filled.phones.stream()
					.map(row -> new PhoneInput(row.value, row.kind, row.label, row.visibility, row.primary))
					.toList(),
				Topics.ofLine(topics), notes, lawfulBasis, source);
	}

}

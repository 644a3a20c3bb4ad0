package org.pressdesk.pages;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.pressdesk.person.LawfulBasis;
import org.pressdesk.person.NameOrder;
import org.pressdesk.person.Person;
import org.pressdesk.person.PersonInput;
import org.pressdesk.person.PersonInput.EmailInput;
import org.pressdesk.person.PersonInput.PhoneInput;
import org.pressdesk.person.PhoneKind;
import org.pressdesk.person.Visibility;

/**
 * The edit form of a person, as the browser posts it: mutable, because form binding fills
 * it field by field; it becomes the API's write model ({@link PersonInput}) before
 * anything is checked. Empty rows (the spare ones the form offers) are dropped.
 */
public class PersonForm {

	private int version;

	private String honorificPrefix;

	private String givenName;

	private String additionalNames;

	private String familyName;

	private String honorificSuffix;

	private String displayName;

	private NameOrder nameOrder = NameOrder.GIVEN_FIRST;

	private String phoneticGivenName;

	private String phoneticFamilyName;

	private String pronouns;

	private String linkedinUrl;

	private List<Row> emails = new ArrayList<>();

	private List<Row> phones = new ArrayList<>();

	private String topics;

	private String notes;

	private LawfulBasis lawfulBasis;

	private String source;

	/** One email or phone: {@code kind} only for phones. */
	public static class Row {

		private String value;

		private String label;

		private Visibility visibility = Visibility.INTERNAL;

		private PhoneKind kind = PhoneKind.VOICE;

		private boolean primary;

		public String getValue() {
			return value;
		}

		public void setValue(String value) {
			this.value = value;
		}

		public String getLabel() {
			return label;
		}

		public void setLabel(String label) {
			this.label = label;
		}

		public Visibility getVisibility() {
			return visibility;
		}

		public void setVisibility(Visibility visibility) {
			this.visibility = visibility;
		}

		public PhoneKind getKind() {
			return kind;
		}

		public void setKind(PhoneKind kind) {
			this.kind = kind;
		}

		public boolean isPrimary() {
			return primary;
		}

		public void setPrimary(boolean primary) {
			this.primary = primary;
		}

		boolean isEmpty() {
			return value == null || value.isBlank();
		}

	}

	static PersonForm of(Person person) {
		PersonForm form = new PersonForm();
		form.version = person.version();
		form.honorificPrefix = person.name().honorificPrefix();
		form.givenName = person.name().givenName();
		form.additionalNames = person.name().additionalNames();
		form.familyName = person.name().familyName();
		form.honorificSuffix = person.name().honorificSuffix();
		// a derived display name stays derived: the form shows it empty, so renaming
		// updates it
		form.displayName = person.name().displayNameGiven() ? person.displayName() : null;
		form.nameOrder = person.name().nameOrder();
		form.phoneticGivenName = person.name().phoneticGivenName();
		form.phoneticFamilyName = person.name().phoneticFamilyName();
		form.pronouns = person.pronouns();
		form.linkedinUrl = person.linkedinUrl();
		person.emails()
			.forEach(email -> form.emails
				.add(row(email.value(), email.label(), email.visibility(), null, email.primary())));
		person.phones()
			.forEach(phone -> form.phones.add(row(phone.international() != null ? phone.international() : phone.value(),
					phone.label(), phone.visibility(), phone.kind(), phone.primary())));
		form.topics = String.join(", ", person.topics());
		form.notes = person.notes();
		form.lawfulBasis = person.lawfulBasis();
		form.source = person.source();
		return form.withSpareRows();
	}

	/**
	 * The same form without the rows left empty, so that the rows' indexes are those of
	 * the write model and an error about {@code phones[1]} is shown next to the second
	 * phone on the page.
	 */
	PersonForm withoutEmptyRows() {
		emails.removeIf(Row::isEmpty);
		phones.removeIf(Row::isEmpty);
		return this;
	}

	/**
	 * The same form with an empty row at the end for a new email and phone, as the page
	 * shows it.
	 */
	PersonForm withSpareRows() {
		for (List<Row> rows : List.of(emails, phones)) {
			if (rows.isEmpty() || !rows.get(rows.size() - 1).isEmpty()) {
				rows.add(new Row());
			}
		}
		return this;
	}

	/**
	 * What the form says, as the API's write model (the same checks as the API's, then).
	 */
	PersonInput toInput() {
		return new PersonInput(
				new PersonInput.Name(honorificPrefix, givenName, additionalNames, familyName, honorificSuffix,
						displayName, nameOrder, phoneticGivenName, phoneticFamilyName),
				pronouns, linkedinUrl,
				emails.stream()
					.filter(row -> !row.isEmpty())
					.map(row -> new EmailInput(row.value, row.label, row.visibility, row.primary))
					.toList(),
				phones.stream()
					.filter(row -> !row.isEmpty())
					.map(row -> new PhoneInput(row.value, row.kind, row.label, row.visibility, row.primary))
					.toList(),
				topics == null ? List.of()
						: Arrays.stream(topics.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList(),
				notes, lawfulBasis, source);
	}

	private static Row row(String value, String label, Visibility visibility, PhoneKind kind, boolean primary) {
		Row row = new Row();
		row.value = value;
		row.label = label;
		row.visibility = visibility;
		row.kind = kind == null ? PhoneKind.VOICE : kind;
		row.primary = primary;
		return row;
	}

	public int getVersion() {
		return version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

	public String getHonorificPrefix() {
		return honorificPrefix;
	}

	public void setHonorificPrefix(String honorificPrefix) {
		this.honorificPrefix = honorificPrefix;
	}

	public String getGivenName() {
		return givenName;
	}

	public void setGivenName(String givenName) {
		this.givenName = givenName;
	}

	public String getAdditionalNames() {
		return additionalNames;
	}

	public void setAdditionalNames(String additionalNames) {
		this.additionalNames = additionalNames;
	}

	public String getFamilyName() {
		return familyName;
	}

	public void setFamilyName(String familyName) {
		this.familyName = familyName;
	}

	public String getHonorificSuffix() {
		return honorificSuffix;
	}

	public void setHonorificSuffix(String honorificSuffix) {
		this.honorificSuffix = honorificSuffix;
	}

	public String getPronouns() {
		return pronouns;
	}

	public void setPronouns(String pronouns) {
		this.pronouns = pronouns;
	}

	public String getLinkedinUrl() {
		return linkedinUrl;
	}

	public void setLinkedinUrl(String linkedinUrl) {
		this.linkedinUrl = linkedinUrl;
	}

	public List<Row> getEmails() {
		return emails;
	}

	public void setEmails(List<Row> emails) {
		this.emails = emails;
	}

	public List<Row> getPhones() {
		return phones;
	}

	public void setPhones(List<Row> phones) {
		this.phones = phones;
	}

	public String getTopics() {
		return topics;
	}

	public void setTopics(String topics) {
		this.topics = topics;
	}

	public String getNotes() {
		return notes;
	}

	public void setNotes(String notes) {
		this.notes = notes;
	}

	public String getDisplayName() {
		return displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public NameOrder getNameOrder() {
		return nameOrder;
	}

	public void setNameOrder(NameOrder nameOrder) {
		this.nameOrder = nameOrder;
	}

	public String getPhoneticGivenName() {
		return phoneticGivenName;
	}

	public void setPhoneticGivenName(String phoneticGivenName) {
		this.phoneticGivenName = phoneticGivenName;
	}

	public String getPhoneticFamilyName() {
		return phoneticFamilyName;
	}

	public void setPhoneticFamilyName(String phoneticFamilyName) {
		this.phoneticFamilyName = phoneticFamilyName;
	}

	public LawfulBasis getLawfulBasis() {
		return lawfulBasis;
	}

	public void setLawfulBasis(LawfulBasis lawfulBasis) {
		this.lawfulBasis = lawfulBasis;
	}

	public String getSource() {
		return source;
	}

	public void setSource(String source) {
		this.source = source;
	}

}

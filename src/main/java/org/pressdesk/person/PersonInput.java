package org.pressdesk.person;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.pressdesk.system.FieldChecks;
import org.pressdesk.system.FieldProblem;
import org.pressdesk.system.InvalidInput;
import org.pressdesk.text.Folding;
import org.pressdesk.text.LinkedIn;
import org.pressdesk.text.Topics;

/**
 * What a client may write about a person (create, or the result of a merge patch). The
 * name's parts are top-level fields of the JSON, like those of {@link Person}.
 */
public record PersonInput(@JsonUnwrapped @Valid Name name, @Size(max = 60) String pronouns,
		@Size(max = 300) String linkedinUrl, @Valid @Size(max = 20) List<EmailInput> emails,
		@Valid @Size(max = 20) List<PhoneInput> phones, @Size(max = 50) List<@NotBlank @Size(max = 100) String> topics,
		@Size(max = 20000) String notes, LawfulBasis lawfulBasis, @Size(max = 500) String source) {

	/**
	 * The writable parts of a name; {@code displayName} only when it is not the one the
	 * parts give in their order.
	 */
	public record Name(@Size(max = 100) String honorificPrefix, @Size(max = 200) String givenName,
			@Size(max = 200) String additionalNames, @Size(max = 200) String familyName,
			@Size(max = 100) String honorificSuffix, @Size(max = 400) String displayName, NameOrder nameOrder,
			@Size(max = 200) String phoneticGivenName, @Size(max = 200) String phoneticFamilyName) {

		/** The name shown when no display name is given: the parts in their order. */
		public String derivedDisplayName() {
			return (nameOrder == null ? NameOrder.GIVEN_FIRST : nameOrder).displayName(honorificPrefix, givenName,
					additionalNames, familyName, honorificSuffix);
		}

		public Name withDisplayName(String displayName) {
			return new Name(honorificPrefix, givenName, additionalNames, familyName, honorificSuffix, displayName,
					nameOrder, phoneticGivenName, phoneticFamilyName);
		}

	}

	public record EmailInput(@NotBlank @jakarta.validation.constraints.Email(
			regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+") @Size(max = 320) String value, @Size(max = 60) String label,
			Visibility visibility, Boolean primary) {
	}

	public record PhoneInput(@NotBlank @Size(max = 40) String value, PhoneKind kind, @Size(max = 60) String label,
			Visibility visibility, Boolean primary) {
	}

	/**
	 * The values in the form we store them: phones in E.164, LinkedIn canonical, names
	 * trimmed, the display name derived when not given. Throws {@code InvalidInput}
	 * naming every bad field, those of bean validation ({@code earlier}) together with
	 * its own.
	 */
	PersonDraft normalised(PhoneNumbers phoneNumbers, List<FieldProblem> earlier) {
		FieldChecks checks = new FieldChecks(earlier);
		Name name = this.name == null ? new Name(null, null, null, null, null, null, null, null, null) : this.name;
		String given = clean(name.givenName());
		String family = clean(name.familyName());
		String display = clean(name.displayName());
		if (given == null && family == null && display == null) {
			checks.add("familyName", "a person needs a name: give at least one of givenName, familyName, displayName");
		}
		NameOrder order = name.nameOrder() == null ? NameOrder.GIVEN_FIRST : name.nameOrder();
		String prefix = clean(name.honorificPrefix());
		String additional = clean(name.additionalNames());
		String suffix = clean(name.honorificSuffix());
		String derived = order.displayName(prefix, given, additional, family, suffix);
		String sortName = Folding
			.fold(family != null ? join(family, given, additional) : join(given, additional, display));

		List<Email> emailValues = new ArrayList<>();
		List<EmailInput> emailInputs = emails == null ? List.of() : emails;
		for (EmailInput email : emailInputs) {
			if (email == null || email.value() == null) {
				continue;
			}
			emailValues.add(new Email(email.value().strip(), clean(email.label()), visibilityOf(email.visibility()),
					Boolean.TRUE.equals(email.primary())));
		}
		checkDistinct(checks, "emails", emailValues.stream().map(e -> e.value().toLowerCase()));
		List<Phone> phoneValues = new ArrayList<>();
		List<PhoneInput> phoneInputs = phones == null ? List.of() : phones;
		for (int i = 0; i < phoneInputs.size(); i++) {
			PhoneInput phone = phoneInputs.get(i);
			String field = "phones[" + i + "].value";
			if (phone == null || phone.value() == null || checks.has(field)) {
				continue;
			}
			String e164 = checks.check(() -> phoneNumbers.toE164(phone.value(), field));
			phoneValues.add(new Phone(e164, e164 == null ? null : phoneNumbers.international(e164),
					phone.kind() == null ? PhoneKind.VOICE : phone.kind(), clean(phone.label()),
					visibilityOf(phone.visibility()), Boolean.TRUE.equals(phone.primary())));
		}
		checkDistinct(checks, "phones", phoneValues.stream().map(Phone::value));
		if (emailValues.stream().filter(Email::primary).count() > 1) {
			checks.add("emails", "only one may be primary");
		}
		if (phoneValues.stream().filter(Phone::primary).count() > 1) {
			checks.add("phones", "only one may be primary");
		}
		String linkedin = checks.has("linkedinUrl") ? null
				: checks.check(() -> LinkedIn.profile(clean(linkedinUrl), "linkedinUrl"));
		checks.throwIfAny();

		PersonName stored = new PersonName(prefix, given, additional, family, suffix,
				display != null ? display : derived, display != null, order, clean(name.phoneticGivenName()),
				clean(name.phoneticFamilyName()));
		return new PersonDraft(stored, clean(pronouns), linkedin,
				withOnePrimary(emailValues, Email::primary,
						(e, primary) -> new Email(e.value(), e.label(), e.visibility(), primary)),
				withOnePrimary(phoneValues, Phone::primary,
						(p, primary) -> new Phone(p.value(), p.international(), p.kind(), p.label(), p.visibility(),
								primary)),
				Topics.distinct(topics), notes == null || notes.isBlank() ? null : notes.strip(), lawfulBasis,
				clean(source), sortName);
	}

	/** Contact points are INTERNAL unless someone decides they may be published. */
	private static Visibility visibilityOf(Visibility visibility) {
		return visibility == null ? Visibility.INTERNAL : visibility;
	}

	private static void checkDistinct(FieldChecks checks, String field, Stream<String> values) {
		List<String> list = values.filter(v -> v != null).toList();
		if (list.stream().distinct().count() < list.size()) {
			checks.add(field, "the same value appears twice");
		}
	}

	/** Exactly one primary when there is any value: the one marked, else the first. */
	private static <T> List<T> withOnePrimary(List<T> values, Predicate<T> isPrimary,
			BiFunction<T, Boolean, T> withPrimary) {
		boolean anyMarked = values.stream().anyMatch(isPrimary);
		List<T> result = new ArrayList<>(values.size());
		for (int i = 0; i < values.size(); i++) {
			T value = values.get(i);
			result.add(withPrimary.apply(value, anyMarked ? isPrimary.test(value) : i == 0));
		}
		return result;
	}

	static String clean(String text) {
		return text == null || text.isBlank() ? null : text.strip().replaceAll("\\s+", " ");
	}

	private static String join(String... parts) {
		return Stream.of(parts).filter(p -> p != null).collect(Collectors.joining(" "));
	}

}

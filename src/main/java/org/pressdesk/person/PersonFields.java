package org.pressdesk.person;

import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.multisetAgg;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.pressdesk.db.Tables.PERSON;
import static org.pressdesk.db.Tables.PERSON_EMAIL;
import static org.pressdesk.db.Tables.PERSON_PHONE;

import java.util.List;

import org.jooq.Condition;
import org.jooq.Field;

/**
 * The parts of a person that more than one statement reads, defined once: their name, and
 * their emails and phones as nested lists for the staff's reads (all of them) and the
 * public side's (PUBLIC ones only). MULTISET_AGG in a scalar subquery rather than
 * MULTISET: MariaDB cannot see the outer row from the derived table jOOQ builds to order
 * a MULTISET.
 */
public final class PersonFields {

	/**
	 * The name's columns, mapped to {@link PersonName} by jOOQ, which checks each type.
	 */
	public static final Field<PersonName> NAME = field(
			row(PERSON.HONORIFIC_PREFIX, PERSON.GIVEN_NAME, PERSON.ADDITIONAL_NAMES, PERSON.FAMILY_NAME,
					PERSON.HONORIFIC_SUFFIX, PERSON.DISPLAY_NAME, PERSON.DISPLAY_NAME_GIVEN, PERSON.NAME_ORDER,
					PERSON.PHONETIC_GIVEN_NAME, PERSON.PHONETIC_FAMILY_NAME)
				.mapping(PersonName::new));

	public static final Field<List<Email>> EMAILS = emails(noCondition());

	public static final Field<List<Phone>> PHONES = phones(noCondition());

	public static final Field<List<Email>> PUBLIC_EMAILS = emails(PERSON_EMAIL.VISIBILITY.eq(Visibility.PUBLIC));

	public static final Field<List<Phone>> PUBLIC_PHONES = phones(PERSON_PHONE.VISIBILITY.eq(Visibility.PUBLIC));

	private PersonFields() {
	}

	private static Field<List<Email>> emails(Condition which) {
		return field(select(
				multisetAgg(PERSON_EMAIL.VALUE, PERSON_EMAIL.LABEL, PERSON_EMAIL.VISIBILITY, PERSON_EMAIL.IS_PRIMARY)
					.orderBy(PERSON_EMAIL.POSITION))
			.from(PERSON_EMAIL)
			.where(PERSON_EMAIL.PERSON_ID.eq(PERSON.ID))
			.and(which)).as("emails").convertFrom(r -> r == null ? List.of() : r.map(mapping(Email::new)));
	}

	private static Field<List<Phone>> phones(Condition which) {
		return field(select(multisetAgg(PERSON_PHONE.VALUE, PERSON_PHONE.INTERNATIONAL, PERSON_PHONE.KIND,
				PERSON_PHONE.LABEL, PERSON_PHONE.VISIBILITY, PERSON_PHONE.IS_PRIMARY)
			.orderBy(PERSON_PHONE.POSITION)).from(PERSON_PHONE).where(PERSON_PHONE.PERSON_ID.eq(PERSON.ID)).and(which))
			.as("phones")
			.convertFrom(r -> r == null ? List.of() : r.map(mapping(Phone::new)));
	}

}

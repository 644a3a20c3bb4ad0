package org.pressdesk.person;

import static org.pressdesk.db.Tables.PERSON_PHONE;

import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Gives phone numbers stored before migration V7 their international form, once, when the
 * service starts: SQL cannot format a phone number, so the migration could only add the
 * column.
 */
@Component
class PhoneFormatBackfill implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(PhoneFormatBackfill.class);

	private static final int BATCH = 1000;

	private final DSLContext db;

	private final PhoneNumbers phoneNumbers;

	PhoneFormatBackfill(DSLContext db, PhoneNumbers phoneNumbers) {
		this.db = db;
		this.phoneNumbers = phoneNumbers;
	}

	@Override
	public void run(ApplicationArguments args) {
		int filled = 0;
		while (true) {
			var numbers = db.select(PERSON_PHONE.PERSON_ID, PERSON_PHONE.POSITION, PERSON_PHONE.VALUE)
				.from(PERSON_PHONE)
				.where(PERSON_PHONE.INTERNATIONAL.isNull())
				.limit(BATCH)
				.fetch();
			if (numbers.isEmpty()) {
				break;
			}
			db.batch(numbers.map(number -> db.update(PERSON_PHONE)
				.set(PERSON_PHONE.INTERNATIONAL, phoneNumbers.international(number.get(PERSON_PHONE.VALUE)))
				.where(PERSON_PHONE.PERSON_ID.eq(number.get(PERSON_PHONE.PERSON_ID)))
				.and(PERSON_PHONE.POSITION.eq(number.get(PERSON_PHONE.POSITION))))).execute();
			filled += numbers.size();
		}
		if (filled > 0) {
			log.info("Gave {} stored phone numbers their international form", filled);
		}
	}

}

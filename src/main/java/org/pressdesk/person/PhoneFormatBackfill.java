package org.pressdesk.person;

import static org.pressdesk.db.Tables.PERSON_PHONE;

import java.util.Set;

import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.pressdesk.changes.ChangeKind;
import org.pressdesk.changes.ChangeLog;
import org.pressdesk.changes.Subject;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

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

	private final ChangeLog changeLog;

	private final TransactionTemplate transaction;

	PhoneFormatBackfill(DSLContext db, PhoneNumbers phoneNumbers, ChangeLog changeLog,
			TransactionTemplate transaction) {
		this.db = db;
		this.phoneNumbers = phoneNumbers;
		this.changeLog = changeLog;
		this.transaction = transaction;
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
			transaction.executeWithoutResult(status -> {
				db.batch(numbers.map(number -> db.update(PERSON_PHONE)
					.set(PERSON_PHONE.INTERNATIONAL, phoneNumbers.international(number.get(PERSON_PHONE.VALUE)))
					.where(PERSON_PHONE.PERSON_ID.eq(number.get(PERSON_PHONE.PERSON_ID)))
					.and(PERSON_PHONE.POSITION.eq(number.get(PERSON_PHONE.POSITION))))).execute();
				// the search index holds people as they read, phones included
				changeLog.recordAll(Subject.PERSON, Set.copyOf(numbers.getValues(PERSON_PHONE.PERSON_ID)),
						ChangeKind.UPDATED);
			});
			filled += numbers.size();
		}
		if (filled > 0) {
			log.info("Gave {} stored phone numbers their international form", filled);
		}
	}

}

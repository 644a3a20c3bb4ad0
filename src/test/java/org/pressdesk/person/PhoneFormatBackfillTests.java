package org.pressdesk.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pressdesk.db.Tables.PERSON_PHONE;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import org.pressdesk.ApiTestSupport;
import org.pressdesk.Browser;
import org.pressdesk.changes.ChangeKind;
import org.pressdesk.changes.ChangeLog;
import org.pressdesk.changes.Subject;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class PhoneFormatBackfillTests extends ApiTestSupport {

	@Autowired
	DSLContext db;

	@Autowired
	PhoneFormatBackfill backfill;

	@Autowired
	ChangeLog changeLog;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void givesNumbersStoredBeforeTheColumnExistedTheirInternationalForm() {
		String family = unique("Backfill");
		String id = editor.post("/api/v1/people", """
				{ "givenName": "Olu", "familyName": "%s", "phones": [ { "value": "01223 000000" } ] }
				""".formatted(family)).text("$.id");
		// as a row written before migration V7 looks, and as the search index read it
		transaction.executeWithoutResult(status -> {
			db.update(PERSON_PHONE).setNull(PERSON_PHONE.INTERNATIONAL).where(PERSON_PHONE.PERSON_ID.eq(id)).execute();
			changeLog.record(Subject.PERSON, id, ChangeKind.UPDATED);
		});
		Browser pages = new Browser(port);
		pages.login("test-viewer", STAFF_PASSWORD);
		assertThat(pages.get("/people/results?q=" + family).body()).contains("Call +441223000000");
		assertThat(viewer.get("/api/v1/people/" + id + "/vcard").body())
			.as("cards format such numbers themselves meanwhile")
			.contains("TEL;TYPE=work,voice,pref:+44 1223 000000");

		backfill.run(null);

		assertThat(db.select(PERSON_PHONE.INTERNATIONAL)
			.from(PERSON_PHONE)
			.where(PERSON_PHONE.PERSON_ID.eq(id))
			.fetchOne(0)).isEqualTo("+44 1223 000000");
		assertThat(viewer.get("/api/v1/people/" + id + "/vcard").body())
			.contains("TEL;TYPE=work,voice,pref:+44 1223 000000");
		assertThat(pages.get("/people/results?q=" + family).body())
			.as("search answers with people as its index holds them: the backfill tells it")
			.contains("Call +44 1223 000000");
	}

}

package org.pressdesk.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pressdesk.db.Tables.PERSON_PHONE;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import org.pressdesk.ApiTestSupport;

import org.springframework.beans.factory.annotation.Autowired;

class PhoneFormatBackfillTests extends ApiTestSupport {

	@Autowired
	DSLContext db;

	@Autowired
	PhoneFormatBackfill backfill;

	@Test
	void givesNumbersStoredBeforeTheColumnExistedTheirInternationalForm() {
		String id = editor.post("/api/v1/people", """
				{ "givenName": "Olu", "familyName": "%s", "phones": [ { "value": "01223 000000" } ] }
				""".formatted(unique("Backfill"))).text("$.id");
		// as a row written before migration V7 looks
		db.update(PERSON_PHONE).setNull(PERSON_PHONE.INTERNATIONAL).where(PERSON_PHONE.PERSON_ID.eq(id)).execute();
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
	}

}

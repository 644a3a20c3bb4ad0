package org.pressdesk.pages;

import java.time.LocalDate;

import org.pressdesk.person.Affiliation;
import org.pressdesk.person.AffiliationInput;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/**
 * The edit form of an affiliation, as the browser posts it. {@code version} is the
 * person's, which covers their affiliations; {@code primary} is a {@code Boolean} because
 * an unticked box sends nothing. The organisation is not in it: another organisation is
 * another affiliation.
 */
record AffiliationForm(int version, String title, String department, String role,
		@DateTimeFormat(iso = ISO.DATE) LocalDate startDate, @DateTimeFormat(iso = ISO.DATE) LocalDate endDate,
		Boolean primary) {

	static AffiliationForm of(int version, Affiliation affiliation) {
		return new AffiliationForm(version, affiliation.title(), affiliation.department(), affiliation.role(),
				affiliation.startDate(), affiliation.endDate(), affiliation.primary());
	}

	AffiliationInput toInput(String organisationId) {
		return new AffiliationInput(organisationId, title, department, role, startDate, endDate, primary);
	}

}

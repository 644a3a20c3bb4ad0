package org.pressdesk.person;

import java.time.LocalDate;

import org.jspecify.annotations.NonNull;

/**
 * A person's role at an organisation; current while it has no end date or the end date is
 * not past.
 */
public record Affiliation(@NonNull String id, @NonNull String organisationId, @NonNull String organisationName,
		String organisationShortName, String title, String department, String role, LocalDate startDate,
		LocalDate endDate, boolean primary) {

	public boolean isCurrentOn(LocalDate day) {
		return endDate == null || !endDate.isBefore(day);
	}

	public AffiliationInput toInput() {
		return new AffiliationInput(organisationId, title, department, role, startDate, endDate, primary);
	}

}

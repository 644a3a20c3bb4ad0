package org.pressdesk.pages;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/**
 * The "add an affiliation" form on a person's page: the organisation as people name it,
 * and its id only once they have chosen among organisations of the same name.
 */
record NewAffiliationForm(int version, String organisation, String organisationId, String title,
		@DateTimeFormat(iso = ISO.DATE) LocalDate startDate, Boolean primary) {
}

package org.pressdesk.person;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.pressdesk.system.InvalidInput;

/** What a client may write about an affiliation. */
public record AffiliationInput(@NotBlank @Size(max = 36) String organisationId, @Size(max = 300) String title,
		@Size(max = 300) String department, @Size(max = 300) String role, LocalDate startDate, LocalDate endDate,
		Boolean primary) {

	AffiliationInput normalised() {
		if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
			throw new InvalidInput("endDate", "must not be before the start date");
		}
		return new AffiliationInput(organisationId.strip(), PersonInput.clean(title), PersonInput.clean(department),
				PersonInput.clean(role), startDate, endDate, Boolean.TRUE.equals(primary));
	}

}

package org.pressdesk.organisation;

import java.time.Instant;

import org.jspecify.annotations.NonNull;

/** An organisation as the API shows it. */
public record Organisation(@NonNull String id, @NonNull String name, String shortName, String parentId,
		@NonNull OrganisationKind kind, String country, String website, String linkedinUrl, @NonNull Instant createdAt,
		@NonNull Instant updatedAt, int version) {

	OrganisationInput toInput() {
		return new OrganisationInput(name, shortName, parentId, kind, country, website, linkedinUrl);
	}

}

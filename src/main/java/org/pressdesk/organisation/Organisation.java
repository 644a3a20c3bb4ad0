package org.pressdesk.organisation;

import java.time.Instant;

/** An organisation as the API shows it. */
public record Organisation(String id, String name, String shortName, String parentId, OrganisationKind kind,
		String country, String website, String linkedinUrl, Instant createdAt, Instant updatedAt, int version) {

	OrganisationInput toInput() {
		return new OrganisationInput(name, shortName, parentId, kind, country, website, linkedinUrl);
	}

}

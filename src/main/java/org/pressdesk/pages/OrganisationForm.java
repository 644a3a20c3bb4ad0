package org.pressdesk.pages;

import org.pressdesk.organisation.OrganisationInput;
import org.pressdesk.organisation.OrganisationKind;

/**
 * The organisation edit page's form. The parent is typed by name ({@code parent}); when
 * several organisations have that name, the one chosen comes as {@code parentId}.
 */
record OrganisationForm(int version, String name, String shortName, OrganisationKind kind, String country,
		String website, String linkedinUrl, String parent, String parentId) {

	/** What the form says of the organisation itself, its parent still to be found. */
	OrganisationInput toInput() {
		return new OrganisationInput(name, shortName, null, kind, country, website, linkedinUrl);
	}

}

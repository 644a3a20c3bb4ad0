package org.pressdesk.person;

import java.util.List;

/**
 * A person a bulk write (an import, the benchmark's seed) creates: checked, with their
 * affiliations, each with its id.
 */
public record NewPerson(String id, PersonDraft draft, List<NewAffiliation> affiliations) {

	/** An affiliation of a new person; its input validated and normalised. */
	public record NewAffiliation(String id, AffiliationInput input) {
	}

}

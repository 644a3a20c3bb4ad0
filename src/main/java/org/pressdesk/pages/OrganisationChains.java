package org.pressdesk.pages;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.pressdesk.organisation.OrganisationRepository;
import org.pressdesk.person.Affiliation;
import org.pressdesk.person.Person;

/**
 * Where the organisations of people's affiliations sit: for each, the names from the top
 * of its tree down, read in one statement for a whole page.
 */
final class OrganisationChains {

	private OrganisationChains() {
	}

	static Map<String, List<String>> of(OrganisationRepository organisations, Collection<Person> people) {
		return organisations.namesFromTop(people.stream()
			.flatMap(person -> person.affiliations().stream())
			.map(Affiliation::organisationId)
			.distinct()
			.toList());
	}

}

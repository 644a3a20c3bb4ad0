package org.pressdesk.person;

import java.time.Instant;
import java.util.List;

/**
 * Everything needed to write a person back exactly as they were (a merge undone): what a
 * client may write, their affiliations with their ids, and their times and version.
 */
public record PersonState(String id, PersonInput fields, List<Affiliation> affiliations, Instant createdAt,
		Instant updatedAt, int version) {

	public static PersonState of(Person person) {
		return new PersonState(person.id(), person.toInput(), person.affiliations(), person.createdAt(),
				person.updatedAt(), person.version());
	}

}

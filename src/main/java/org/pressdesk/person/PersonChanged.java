package org.pressdesk.person;

/**
 * Published in the transaction that changed a person: the public pages that show them may
 * have changed with them.
 */
public record PersonChanged(Person before, Person after) {

	/**
	 * Whether what the public may see of the person differs: the name, pronouns, LinkedIn
	 * profile, PUBLIC emails and phones (an INTERNAL phone does not count).
	 */
	public boolean changedPublicly() {
		return !Person.asThePublicSeesThem(before).equals(Person.asThePublicSeesThem(after));
	}

}

package org.pressdesk.person;

/**
 * Whom a person may be the same as, as the duplicates feature says (it depends on people,
 * not the other way round): a new person's answer points to them.
 */
public interface PossibleDuplicates {

	/** How many people this one may be the same as (pairs not dismissed). */
	int countFor(String personId);

}

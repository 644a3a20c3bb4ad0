package org.pressdesk.person;

/** Whether the family name is written first (Japanese, Chinese, Hungarian names) or last. */
public enum NameOrder {

	GIVEN_FIRST, FAMILY_FIRST

}

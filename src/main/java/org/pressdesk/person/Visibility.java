package org.pressdesk.person;

/**
 * PUBLIC values may appear on public pages and public vCards; INTERNAL ones are for staff
 * only.
 */
public enum Visibility {

	PUBLIC, INTERNAL

}

package org.pressdesk.changes;

/** What a change is about; stored by name. */
public enum Subject {

	PERSON, ORGANISATION, ARTICLE, PRESS_BLOCK

}

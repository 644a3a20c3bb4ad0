package org.pressdesk.changes;

/** What happened to the subject; stored by name. */
public enum ChangeKind {

	CREATED, UPDATED, DELETED, MERGED, PUBLISHED, UNPUBLISHED, CHANGED

}

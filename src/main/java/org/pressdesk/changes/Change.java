package org.pressdesk.changes;

/** One row of the change log. */
public record Change(long position, Subject subject, String subjectId, ChangeKind kind) {

}

package org.pressdesk.changes;

/** One row of the change log. */
public record Change(long sequence, Subject subject, String subjectId, ChangeKind kind) {

}

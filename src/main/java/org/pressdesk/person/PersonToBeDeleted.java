package org.pressdesk.person;

/**
 * Published inside the transaction that deletes a person, before the delete: a listener
 * may refuse by throwing, or, when {@code force} is set, let go of the person.
 */
public record PersonToBeDeleted(String personId, boolean force) {
}

package org.pressdesk.changes;

/**
 * Published in a transaction that wrote to the change log: a follower listening after the
 * commit catches up at once, so the instance that made a change reads it back in its own
 * views (a search right after a write finds it).
 */
public record ChangesRecorded() {

}

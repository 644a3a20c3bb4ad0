package org.pressdesk.changes;

import java.util.List;

/**
 * Published inside the sequencer's transaction: these events now have their place in
 * commit order. A listener that writes (webhook deliveries) writes in that transaction,
 * so an event is handed on once, or not at all.
 */
public record ChangesSequenced(List<ChangeEvent> events) {
}

package org.pressdesk.merge;

import java.time.Instant;

import org.jspecify.annotations.NonNull;

/**
 * A merge of two people: who was kept, who was merged into them, and whether it has been
 * undone.
 *
 * @param undoableUntil until when {@code POST /merges/{id}/undo} can bring both back
 */
public record Merge(@NonNull String id, @NonNull String keptId, @NonNull String mergedId, @NonNull Instant mergedAt,
		@NonNull String mergedBy, @NonNull Instant undoableUntil, Instant undoneAt, String undoneBy) {

	public boolean undone() {
		return undoneAt != null;
	}

}

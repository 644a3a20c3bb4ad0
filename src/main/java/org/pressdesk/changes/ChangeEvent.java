package org.pressdesk.changes;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.NonNull;

/**
 * A committed change as an event, thin: ids, not personal data (the receiver reads what
 * it needs with its own key). What a webhook delivers and {@code GET /api/v1/changes}
 * lists.
 *
 * @param id the event's id: the {@code webhook-id} of its deliveries, the same on every
 * attempt and in the feed
 * @param type {@code person.created|updated|deleted|merged},
 * {@code organisation.created|updated|deleted},
 * {@code article.created|updated|published|unpublished|deleted}, or
 * {@code press-block.changed} (what the public sees of a published article's contacts
 * changed)
 * @param timestamp when the change was made
 * @param data the subject's {@code id}; a merged person's {@code into}; a press block's
 * {@code articleId}, {@code slug} and {@code externalRef}
 */
public record ChangeEvent(@NonNull String id, @NonNull String type, @NonNull Instant timestamp,
		@NonNull Map<String, String> data) {

	/** Every type of event there is. */
	public static final List<String> TYPES = List.of("person.created", "person.updated", "person.deleted",
			"person.merged", "organisation.created", "organisation.updated", "organisation.deleted", "article.created",
			"article.updated", "article.published", "article.unpublished", "article.deleted", "press-block.changed");

	/** The event type of a change: {@code press-block.changed}. */
	public static String typeOf(Subject subject, ChangeKind kind) {
		return subject.name().toLowerCase(Locale.ROOT).replace('_', '-') + "." + kind.name().toLowerCase(Locale.ROOT);
	}

	/** The event's place in commit order (its id names it). */
	public long sequence() {
		return Long.parseLong(id.substring(ID_PREFIX.length()));
	}

	/** An event's id: this and its sequence. */
	static final String ID_PREFIX = "msg_";

	/**
	 * What deliveries keep the order of: the person, organisation or article the event is
	 * about (an article's public block is the article's).
	 */
	public String subjectKey() {
		if (type.startsWith("press-block.")) {
			return "article:" + data.get("articleId");
		}
		return type.substring(0, type.indexOf('.')) + ":" + data.get("id");
	}

}

package org.pressdesk.webhook;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.NonNull;

/**
 * Where change events are sent. The signing secret is shown once, when it is made.
 *
 * @param events the event types sent, or {@code ["*"]} for all
 * @param disabledReason why it is disabled (a receiver answered 410 Gone), or null
 * @param previousSecretUntil after a rotation: until when the old secret signs too
 */
public record WebhookEndpoint(@NonNull String id, @NonNull String url, @NonNull List<String> events, String description,
		boolean enabled, String disabledReason, Instant previousSecretUntil, @NonNull Instant createdAt,
		@NonNull Instant updatedAt, int version) {
}

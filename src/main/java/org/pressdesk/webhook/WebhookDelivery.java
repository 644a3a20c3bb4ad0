package org.pressdesk.webhook;

import java.time.Instant;

import org.jspecify.annotations.NonNull;

/**
 * One event to one endpoint.
 *
 * @param messageId the {@code webhook-id} of every attempt
 * @param status PENDING (to be tried, again), DELIVERED (a 2xx answer) or FAILED (about
 * three days of attempts, or a 410)
 * @param lastStatus the HTTP status of the last answer, or null (none: a timeout, a
 * refused connection)
 */
public record WebhookDelivery(@NonNull String id, @NonNull String messageId, @NonNull String eventType,
		@NonNull String status, int attempts, Instant nextAttemptAt, Instant lastAttemptAt, Integer lastStatus,
		String lastError, @NonNull Instant createdAt) {
}

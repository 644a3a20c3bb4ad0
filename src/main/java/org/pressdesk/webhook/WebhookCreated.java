package org.pressdesk.webhook;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.jspecify.annotations.NonNull;

/**
 * A new endpoint, or one with a new secret: the only answer that shows the secret.
 *
 * @param secret the signing secret ({@code whsec_…}); keep it, it is not shown again
 */
public record WebhookCreated(@JsonUnwrapped @NonNull WebhookEndpoint endpoint, @NonNull String secret) {
}

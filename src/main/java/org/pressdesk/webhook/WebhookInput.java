package org.pressdesk.webhook;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a client writes about a webhook endpoint.
 *
 * @param url where to send: https, on the public internet
 * @param events the event types to send ({@code press-block.changed}, …), or
 * {@code ["*"]} for all
 * @param enabled false to stop sending; true to send again after a 410 disabled it
 */
public record WebhookInput(@NotBlank @Size(max = 2000) String url,
		@Size(min = 1, max = 20) List<@NotBlank String> events, @Size(max = 500) String description, Boolean enabled) {
}

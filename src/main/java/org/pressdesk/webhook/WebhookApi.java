package org.pressdesk.webhook;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

import org.pressdesk.web.ETags;
import org.pressdesk.web.MergePatch;
import org.pressdesk.web.Page;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhook endpoints, for ADMINs and API clients with the scope {@code webhooks:manage}.
 * Deliveries follow Standard Webhooks 1.0: headers {@code webhook-id},
 * {@code webhook-timestamp} and {@code webhook-signature} ({@code v1,} and Base64 of the
 * HMAC-SHA256 of {@code id.timestamp.body} with the secret's bytes), bodies
 * {@code {"type", "timestamp", "data"}}.
 */
@RestController
@RequestMapping("/api/v1/webhooks")
@Tag(name = "Change events")
class WebhookApi {

	private final Webhooks webhooks;

	WebhookApi(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	/**
	 * Create a webhook endpoint: an https address on the public internet and the event
	 * types it takes ({@code ["*"]} for all). The answer's {@code secret} signs the
	 * deliveries; it is shown this once.
	 */
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<WebhookCreated> createWebhook(@RequestBody WebhookInput input) {
		WebhookCreated created = webhooks.create(input);
		return ResponseEntity.created(URI.create("/api/v1/webhooks/" + created.endpoint().id()))
			.eTag(ETags.of(created.endpoint().version()))
			.body(created);
	}

	/** List the webhook endpoints, all of them, in one page. */
	@GetMapping
	Page<WebhookEndpoint> listWebhooks() {
		return new Page<>(webhooks.list(), null);
	}

	/** Get a webhook endpoint (never its secret). */
	@GetMapping("/{id}")
	ResponseEntity<WebhookEndpoint> getWebhook(@PathVariable String id) {
		WebhookEndpoint endpoint = webhooks.get(id);
		return ResponseEntity.ok().eTag(ETags.of(endpoint.version())).body(endpoint);
	}

	/**
	 * Change a webhook endpoint (a JSON merge patch): its address, events, description;
	 * {@code enabled: true} sends again after a 410 disabled it.
	 */
	@PatchMapping(path = "/{id}", consumes = { MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<WebhookEndpoint> patchWebhook(@PathVariable String id,
			@RequestBody @MergePatch.Of(WebhookInput.class) JsonNode patch,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		WebhookEndpoint endpoint = webhooks.patch(id, patch, ifMatch);
		return ResponseEntity.ok().eTag(ETags.of(endpoint.version())).body(endpoint);
	}

	/** Delete a webhook endpoint and its deliveries. */
	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	ResponseEntity<Void> deleteWebhook(@PathVariable String id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		webhooks.delete(id, ifMatch);
		return ResponseEntity.noContent().build();
	}

	/**
	 * Give the endpoint a new secret, shown this once. For 24 hours deliveries carry a
	 * signature with the old secret too, so the receiver can switch in its own time.
	 */
	@PostMapping("/{id}/rotate-secret")
	ResponseEntity<WebhookCreated> rotateWebhookSecret(@PathVariable String id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		WebhookCreated rotated = webhooks.rotateSecret(id, ifMatch);
		return ResponseEntity.ok().eTag(ETags.of(rotated.endpoint().version())).body(rotated);
	}

	/** Send a {@code webhook.test} event to the endpoint now. */
	@PostMapping("/{id}/test")
	@ResponseStatus(HttpStatus.ACCEPTED)
	WebhookDelivery testWebhook(@PathVariable String id) {
		return webhooks.test(id);
	}

	/**
	 * List the endpoint's newest deliveries: status, attempts, the last answer's code and
	 * time.
	 * @param limit at most this many (default 50, at most 500)
	 */
	@GetMapping("/{id}/deliveries")
	Page<WebhookDelivery> listWebhookDeliveries(@PathVariable String id,
			@RequestParam(required = false) Integer limit) {
		List<WebhookDelivery> deliveries = webhooks.deliveries(id,
				limit == null ? 50 : Math.max(1, Math.min(500, limit)));
		return new Page<>(deliveries, null);
	}

	/**
	 * Try a delivery again now, with the same {@code webhook-id}: a new round of
	 * attempts.
	 */
	@PostMapping("/{id}/deliveries/{deliveryId}/retry")
	@ResponseStatus(HttpStatus.ACCEPTED)
	WebhookDelivery retryWebhookDelivery(@PathVariable String id, @PathVariable String deliveryId) {
		return webhooks.retry(id, deliveryId);
	}

}

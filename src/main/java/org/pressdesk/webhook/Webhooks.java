package org.pressdesk.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.pressdesk.audit.AuditTrail.Action;
import org.pressdesk.audit.AuditTrail.Entity;
import org.pressdesk.audit.AuditTrail;
import org.pressdesk.changes.ChangeEvent;
import org.pressdesk.changes.ChangesSequenced;
import org.pressdesk.db.tables.records.WebhookDeliveryRecord;
import org.pressdesk.db.tables.records.WebhookEndpointRecord;
import org.pressdesk.system.Conflict;
import org.pressdesk.system.FieldChecks;
import org.pressdesk.system.Ids;
import org.pressdesk.system.Leases;
import org.pressdesk.system.NotFound;
import org.pressdesk.web.ETags;
import org.pressdesk.web.RequestBodies;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Webhook endpoints, each change audited, and the deliveries made of each change event
 * for the endpoints that take it.
 */
@Service
public class Webhooks {

	/** How long an old secret signs beside a new one after a rotation. */
	static final Duration ROTATION_OVERLAP = Duration.ofHours(24);

	private final WebhookRepository webhooks;

	private final SecretBox secrets;

	private final ReceiverAddresses addresses;

	private final RequestBodies bodies;

	private final AuditTrail audit;

	private final JsonMapper json;

	private final Clock clock;

	private final Leases leases;

	Webhooks(WebhookRepository webhooks, SecretBox secrets, ReceiverAddresses addresses, RequestBodies bodies,
			AuditTrail audit, JsonMapper json, Clock clock, Leases leases) {
		this.leases = leases;
		this.webhooks = webhooks;
		this.secrets = secrets;
		this.addresses = addresses;
		this.bodies = bodies;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	@Transactional
	public WebhookCreated create(WebhookInput request) {
		check(request);
		String id = Ids.newId();
		String secret = Signatures.newSecret();
		Instant now = Instant.now(clock);
		WebhookEndpointRecord row = new WebhookEndpointRecord();
		row.setId(id);
		row.setUrl(request.url().strip());
		row.setEvents(String.join("\n", eventsOf(request)));
		row.setDescription(request.description());
		row.setSecret(secrets.seal(secret));
		row.setEnabled(request.enabled() == null || request.enabled());
		row.setCreatedAt(now);
		row.setUpdatedAt(now);
		row.setVersion(1);
		webhooks.insertEndpoint(row);
		audit.record(Action.CREATED, Entity.WEBHOOK, id, List.of(), "to " + row.getUrl());
		return new WebhookCreated(get(id), secret);
	}

	public List<WebhookEndpoint> list() {
		return webhooks.all().stream().map(WebhookRepository.StoredEndpoint::endpoint).toList();
	}

	public WebhookEndpoint get(String id) {
		return webhooks.find(id).orElseThrow(() -> new NotFound("webhook", id)).endpoint();
	}

	/** A merge patch of the endpoint's url, events, description and enabled. */
	@Transactional
	public WebhookEndpoint patch(String id, JsonNode patch, String ifMatch) {
		WebhookEndpoint current = locked(id, ifMatch);
		WebhookInput before = new WebhookInput(current.url(), current.events(), current.description(),
				current.enabled());
		WebhookInput after = bodies.merged(before, patch, WebhookInput.class);
		check(after);
		WebhookEndpointRecord changes = new WebhookEndpointRecord();
		changes.setUrl(after.url().strip());
		changes.setEvents(String.join("\n", eventsOf(after)));
		changes.setDescription(after.description());
		boolean enabled = after.enabled() == null || after.enabled();
		changes.setEnabled(enabled);
		if (enabled) {
			changes.setDisabledReason(null);
		}
		changes.setUpdatedAt(Instant.now(clock));
		webhooks.updateEndpoint(id, changes);
		audit.record(Action.UPDATED, Entity.WEBHOOK, id, audit.changedFields(before, after), null);
		return get(id);
	}

	@Transactional
	public void delete(String id, String ifMatch) {
		locked(id, ifMatch);
		webhooks.deleteEndpoint(id);
		audit.record(Action.DELETED, Entity.WEBHOOK, id);
	}

	/**
	 * A new secret; the old one signs beside it for {@link #ROTATION_OVERLAP}, as
	 * Standard Webhooks allows several signatures, so receivers can switch in their own
	 * time.
	 */
	@Transactional
	public WebhookCreated rotateSecret(String id, String ifMatch) {
		locked(id, ifMatch);
		WebhookRepository.StoredEndpoint stored = webhooks.find(id).orElseThrow();
		String secret = Signatures.newSecret();
		Instant now = Instant.now(clock);
		WebhookEndpointRecord changes = new WebhookEndpointRecord();
		changes.setPreviousSecret(stored.secret());
		changes.setPreviousSecretUntil(now.plus(ROTATION_OVERLAP));
		changes.setSecret(secrets.seal(secret));
		changes.setUpdatedAt(now);
		webhooks.updateEndpoint(id, changes);
		audit.record(Action.KEY_ROTATED, Entity.WEBHOOK, id);
		return new WebhookCreated(get(id), secret);
	}

	/** Sends a {@code webhook.test} event to the endpoint now. */
	@Transactional
	public WebhookDelivery test(String id) {
		WebhookEndpoint endpoint = get(id);
		if (!endpoint.enabled()) {
			throw new Conflict("The endpoint is disabled (" + endpoint.disabledReason() + "); enable it first.");
		}
		String testId = Ids.newId();
		Map<String, String> data = new LinkedHashMap<>();
		data.put("endpointId", id);
		ChangeEvent event = new ChangeEvent("msg_test_" + testId.replace("-", ""), "webhook.test", Instant.now(clock),
				data);
		WebhookDeliveryRecord row = deliveryOf(endpoint.id(), null, event, "test:" + testId);
		webhooks.insertDeliveries(List.of(row));
		return WebhookRepository.deliveryOf(row);
	}

	public List<WebhookDelivery> deliveries(String id, int limit) {
		get(id);
		return webhooks.deliveries(id, limit);
	}

	/** Tries a delivery again now, with the same webhook-id; a new round of attempts. */
	@Transactional
	public WebhookDelivery retry(String id, String deliveryId) {
		WebhookEndpoint endpoint = get(id);
		WebhookDeliveryRecord delivery = webhooks.delivery(id, deliveryId)
			.orElseThrow(() -> new NotFound("delivery", deliveryId));
		if (!endpoint.enabled()) {
			throw new Conflict("The endpoint is disabled (" + endpoint.disabledReason() + "); enable it first.");
		}
		webhooks.retry(deliveryId, Instant.now(clock));
		audit.record(Action.UPDATED, Entity.WEBHOOK, id, List.of(), "delivery " + deliveryId + " retried");
		return WebhookRepository.deliveryOf(webhooks.delivery(id, delivery.getId()).orElseThrow());
	}

	/**
	 * Makes the deliveries of newly ordered events, in the sequencer's transaction: each
	 * event is handed to each endpoint that takes it once.
	 */
	@EventListener
	void onChangesSequenced(ChangesSequenced sequenced) {
		List<WebhookRepository.StoredEndpoint> endpoints = webhooks.enabled();
		if (endpoints.isEmpty()) {
			return;
		}
		List<WebhookDeliveryRecord> rows = new ArrayList<>();
		for (ChangeEvent event : sequenced.events()) {
			for (WebhookRepository.StoredEndpoint endpoint : endpoints) {
				List<String> wanted = endpoint.endpoint().events();
				if (wanted.contains("*") || wanted.contains(event.type())) {
					rows.add(deliveryOf(endpoint.endpoint().id(), event.sequence(), event, event.subjectKey()));
				}
			}
		}
		webhooks.insertDeliveries(rows);
	}

	/** Delivered and failed deliveries are kept 30 days, as the change feed is. */
	@Scheduled(initialDelay = 120_000, fixedDelay = 3_600_000)
	void forgetOldDeliveries() {
		leases.runOnce("forget-old-deliveries", Duration.ofHours(1),
				() -> webhooks.forgetFinished(Instant.now(clock).minus(Duration.ofDays(30))));
	}

	private WebhookDeliveryRecord deliveryOf(String endpointId, Long sequence, ChangeEvent event, String key) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("type", event.type());
		payload.put("timestamp", event.timestamp().toString());
		payload.put("data", event.data());
		Instant now = Instant.now(clock);
		WebhookDeliveryRecord row = new WebhookDeliveryRecord();
		row.setId(Ids.newId());
		row.setEndpointId(endpointId);
		row.setSequence(sequence);
		row.setMessageId(event.id());
		row.setEventType(event.type());
		row.setOrderingKey(key);
		row.setPayload(json.writeValueAsString(payload));
		row.setStatus("PENDING");
		row.setAttempts(0);
		row.setNextAttemptAt(now);
		row.setCreatedAt(now);
		return row;
	}

	private WebhookEndpoint locked(String id, String ifMatch) {
		WebhookEndpoint endpoint = webhooks.lock(id).orElseThrow(() -> new NotFound("webhook", id)).endpoint();
		ETags.requireMatch(ifMatch, endpoint.version());
		return endpoint;
	}

	private void check(WebhookInput request) {
		FieldChecks checks = new FieldChecks(bodies.violations(request));
		if (request.url() != null && !checks.has("url")) {
			addresses.problemWith(request.url().strip()).ifPresent(problem -> checks.add("url", problem));
		}
		List<String> events = request.events() == null ? List.of() : request.events();
		for (int i = 0; i < events.size(); i++) {
			String type = events.get(i);
			if (type != null && !type.equals("*") && !ChangeEvent.TYPES.contains(type)) {
				checks.add("events[" + i + "]",
						"is not an event type: one of " + String.join(", ", ChangeEvent.TYPES) + ", or * for all");
			}
		}
		checks.throwIfAny();
	}

	private static List<String> eventsOf(WebhookInput request) {
		return request.events() == null || request.events().isEmpty() ? List.of("*")
				: request.events().stream().distinct().toList();
	}

}

package org.pressdesk.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.pressdesk.changes.ChangesSequenced;
import org.pressdesk.db.tables.records.WebhookDeliveryRecord;
import org.pressdesk.system.Background;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the deliveries that are due, on every instance: each is claimed first (locked
 * with {@code SKIP LOCKED}, then marked for {@link #CLAIM}), so one instance at a time
 * sends it; one that dies while sending leaves it to be claimed again (at least once).
 * Attempts back off exponentially with jitter for about three days; {@code 410 Gone}
 * disables the endpoint; {@code 429} and {@code 503} are retried after their
 * {@code Retry-After}; redirects are not followed; each attempt has 10 seconds.
 */
@Component
class WebhookSender {

	private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

	/** The waits after the 1st, 2nd, … failed attempt: about three days in all. */
	static final List<Duration> BACK_OFF = List.of(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2),
			Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2),
			Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(12), Duration.ofHours(12), Duration.ofHours(12),
			Duration.ofHours(12), Duration.ofHours(12));

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	/** Longer than an attempt can take: a claim that outlives it was left by a crash. */
	static final Duration CLAIM = Duration.ofSeconds(60);

	private static final int BATCH = 20;

	private final WebhookRepository webhooks;

	private final SecretBox secrets;

	private final ReceiverAddresses addresses;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(TIMEOUT)
		.build();

	/** One round of sending at a time; the requests of a round in parallel. */
	private final Background rounds = new Background("webhook-rounds", this::sendDueQuietly);

	private final ExecutorService senders = Executors.newFixedThreadPool(8, Background.daemon("webhook-sender"));

	WebhookSender(WebhookRepository webhooks, SecretBox secrets, ReceiverAddresses addresses,
			TransactionTemplate transaction, Clock clock) {
		this.webhooks = webhooks;
		this.secrets = secrets;
		this.addresses = addresses;
		this.transaction = transaction;
		this.clock = clock;
	}

	/** Events were just put in order here: their deliveries go out now. */
	@TransactionalEventListener
	void afterSequenced(ChangesSequenced sequenced) {
		wake();
	}

	/** Retries due, deliveries made by other instances, and test events. */
	@Scheduled(initialDelay = 2_000, fixedDelay = 500)
	void wake() {
		rounds.wake();
	}

	private void sendDueQuietly() {
		try {
			sendDue();
		}
		catch (RuntimeException ex) {
			log.warn("Webhook deliveries could not be sent now; they will be: {}", ex.toString());
		}
	}

	@PreDestroy
	void stop() {
		rounds.stop();
		senders.shutdownNow();
	}

	private void sendDue() {
		List<WebhookDeliveryRecord> claimed;
		do {
			Instant now = Instant.now(clock);
			claimed = transaction.execute(status -> {
				List<String> due = webhooks.due(now, BATCH);
				return due.isEmpty() ? List.<WebhookDeliveryRecord>of() : webhooks.claim(due, now, now.plus(CLAIM));
			});
			// the round's endpoints in one read, not one per delivery
			Map<String, WebhookRepository.StoredEndpoint> endpoints = claimed.isEmpty() ? Map.of()
					: webhooks.findAll(claimed.stream().map(WebhookDeliveryRecord::getEndpointId).distinct().toList());
			List<Future<?>> sending = new ArrayList<>();
			for (WebhookDeliveryRecord delivery : claimed) {
				WebhookRepository.StoredEndpoint endpoint = endpoints.get(delivery.getEndpointId());
				sending.add(senders.submit(() -> send(delivery, endpoint)));
			}
			for (Future<?> one : sending) {
				try {
					one.get();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				catch (ExecutionException ex) {
					log.warn("A webhook delivery failed unexpectedly: {}", ex.getCause().toString());
				}
			}
		}
		while (claimed.size() == BATCH);
	}

	/**
	 * @param endpoint where it goes, or null when the endpoint was deleted meanwhile
	 */
	private void send(WebhookDeliveryRecord delivery, WebhookRepository.StoredEndpoint endpoint) {
		Instant at = Instant.now(clock);
		int attempt = delivery.getAttempts() + 1;
		if (endpoint == null || !endpoint.endpoint().enabled()) {
			// deleted or disabled meanwhile: left as it is (deleted with the endpoint)
			webhooks.attempted(delivery.getId(), "PENDING", at, null, "the endpoint is disabled", at);
			return;
		}
		Optional<String> refused = addresses.problemWith(endpoint.endpoint().url());
		if (refused.isPresent()) {
			failed(delivery, attempt, at, null, "The address " + refused.get(), null);
			return;
		}
		long timestamp = at.getEpochSecond();
		String signature = Signatures.sign(secrets.open(endpoint.secret()), delivery.getMessageId(), timestamp,
				delivery.getPayload());
		Instant previousUntil = endpoint.endpoint().previousSecretUntil();
		if (endpoint.previousSecret() != null && previousUntil != null && at.isBefore(previousUntil)) {
			signature += " " + Signatures.sign(secrets.open(endpoint.previousSecret()), delivery.getMessageId(),
					timestamp, delivery.getPayload());
		}
		HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.endpoint().url()))
			.timeout(TIMEOUT)
			.header("Content-Type", "application/json")
			.header("User-Agent", "Pressdesk-Webhooks/1")
			.header("webhook-id", delivery.getMessageId())
			.header("webhook-timestamp", Long.toString(timestamp))
			.header("webhook-signature", signature)
			.POST(HttpRequest.BodyPublishers.ofString(delivery.getPayload()))
			.build();
		HttpResponse<Void> response;
		try {
			response = http.send(request, HttpResponse.BodyHandlers.discarding());
		}
		catch (IOException ex) {
			failed(delivery, attempt, at, null, ex.toString(), null);
			return;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			webhooks.attempted(delivery.getId(), "DELIVERED", at, status, null, null);
		}
		else if (status == 410) {
			transaction.executeWithoutResult(tx -> {
				webhooks.attempted(delivery.getId(), "FAILED", at, status, "410 Gone: the endpoint was disabled", null);
				webhooks.disable(delivery.getEndpointId(), "the receiver answered 410 Gone at " + at, at);
			});
			log.info("Webhook endpoint {} disabled: its receiver answered 410 Gone", delivery.getEndpointId());
		}
		else {
			Duration retryAfter = status == 429 || status == 503
					? response.headers().firstValue("Retry-After").flatMap(value -> retryAfter(value, at)).orElse(null)
					: null;
			failed(delivery, attempt, at, status,
					"answered " + status + (status >= 300 && status < 400 ? " (redirects are not followed)" : ""),
					retryAfter);
		}
	}

	/** Another attempt after the back-off (or the receiver's Retry-After), or the end. */
	private void failed(WebhookDeliveryRecord delivery, int attempt, Instant at, Integer status, String error,
			Duration retryAfter) {
		if (attempt > BACK_OFF.size()) {
			webhooks.attempted(delivery.getId(), "FAILED", at, status, error + "; no more attempts", null);
			return;
		}
		Duration wait = retryAfter != null ? retryAfter : jittered(BACK_OFF.get(attempt - 1));
		webhooks.attempted(delivery.getId(), "PENDING", at, status, error, at.plus(wait));
	}

	/**
	 * The wait, 20 % either way, so that receivers coming back are not all hit at once.
	 */
	private static Duration jittered(Duration wait) {
		return Duration.ofMillis((long) (wait.toMillis() * ThreadLocalRandom.current().nextDouble(0.8, 1.2)));
	}

	/** Seconds or an HTTP date; at most a day. */
	static Optional<Duration> retryAfter(String value, Instant now) {
		Duration wait;
		try {
			wait = Duration.ofSeconds(Long.parseLong(value.strip()));
		}
		catch (NumberFormatException notSeconds) {
			try {
				wait = Duration.between(now,
						ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
			}
			catch (DateTimeParseException neither) {
				return Optional.empty();
			}
		}
		if (wait.isNegative()) {
			wait = Duration.ZERO;
		}
		return Optional.of(wait.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : wait);
	}

}

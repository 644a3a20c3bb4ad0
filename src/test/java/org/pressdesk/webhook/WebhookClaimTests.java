package org.pressdesk.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.pressdesk.ApiTestSupport;
import org.pressdesk.db.tables.records.WebhookDeliveryRecord;
import org.pressdesk.system.Ids;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two senders (two instances) claiming the same due deliveries at the same moment, on the
 * real database: one gets them, the other none — while the first's claim is not yet
 * committed (its rows are locked: skipped) and after it (they are claimed).
 */
class WebhookClaimTests extends ApiTestSupport {

	@Autowired
	private WebhookRepository webhooks;

	@Autowired
	private TransactionTemplate transaction;

	@Test
	void deliveriesDueAtOnceAreClaimedByOneSender() throws Exception {
		// a disabled endpoint: this service's own sender leaves its deliveries alone
		String hook = admin.post("/api/v1/webhooks", "{\"url\": \"http://127.0.0.1:9/claims\", \"enabled\": false}")
			.createdId();
		Instant now = Instant.now();
		List<String> ids = new ArrayList<>();
		List<WebhookDeliveryRecord> rows = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			WebhookDeliveryRecord row = new WebhookDeliveryRecord();
			row.setId(Ids.newId());
			row.setEndpointId(hook);
			row.setMessageId("msg_claim_" + i + "_" + row.getId());
			row.setEventType("webhook.test");
			row.setOrderingKey("test:" + row.getId());
			row.setPayload("{}");
			row.setStatus("PENDING");
			row.setAttempts(0);
			row.setNextAttemptAt(now);
			row.setCreatedAt(now);
			rows.add(row);
			ids.add(row.getId());
		}
		transaction.executeWithoutResult(status -> webhooks.insertDeliveries(rows));

		CountDownLatch firstClaimed = new CountDownLatch(1);
		CountDownLatch secondTried = new CountDownLatch(1);
		CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> transaction.execute(status -> {
			int claimed = webhooks.claim(ids, now, now.plusSeconds(60)).size();
			firstClaimed.countDown();
			await(secondTried);
			return claimed;
		}));
		assertThat(firstClaimed.await(30, TimeUnit.SECONDS)).isTrue();
		Integer secondWhileOpen = transaction.execute(status -> webhooks.claim(ids, now, now.plusSeconds(60)).size());
		secondTried.countDown();
		assertThat(first.get(30, TimeUnit.SECONDS)).as("the first sender").isEqualTo(10);
		assertThat(secondWhileOpen).as("the second, while the first's claim is open").isZero();
		Integer secondAfter = transaction
			.execute(status -> webhooks.claim(ids, now.plusSeconds(1), now.plusSeconds(61)).size());
		assertThat(secondAfter).as("the second, after the first's claim is committed").isZero();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

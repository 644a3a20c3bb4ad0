package org.pressdesk.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.pressdesk.ApiTestSupport;
import org.pressdesk.Http;
import org.pressdesk.article.ArticleFixtures;

/**
 * Webhooks over HTTP to a real receiver on loopback: signatures that the Standard
 * Webhooks library verifies, press-block.changed for a PUBLIC phone and not an INTERNAL
 * one, the same webhook-id on every attempt, a 410 that disables the endpoint, and
 * nothing for a change that was refused.
 */
class WebhookTests extends ApiTestSupport {

	private Receiver receiver;

	private String personId;

	private String articleId;

	@BeforeEach
	void receiverAndAPublishedArticle() throws Exception {
		receiver = new Receiver();
		String tag = unique("w").replaceAll("[^a-z0-9]", "");
		ArticleFixtures fixtures = new ArticleFixtures(editor, tag);
		String university = fixtures.organisation("Hook University " + tag, null);
		personId = fixtures.person("Hana", "Hooked", university, "Press Officer").get("id").asString();
		articleId = editor
			.post("/api/v1/articles",
					"{\"title\": \"Hook news " + tag + "\", \"status\": \"PUBLISHED\", \"contacts\": [{\"personId\": \""
							+ personId + "\", \"role\": \"PRESS_CONTACT\"}]}")
			.text("$.id");
	}

	@AfterEach
	void stopReceiver() {
		receiver.close();
	}

	@Test
	void aPublicPhoneChangeSendsPressBlockChangedOnceSignedAsTheSpecificationSays() throws Exception {
		// numbers of this run only: an import elsewhere matches people by phone
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String publicPhone = String.format("01223 7%05d", random.nextInt(100_000));
		String mobile = String.format("07700 9%04d", random.nextInt(10_000));
		StandardWebhooksLibrary.assumeInstalled();
		JsonNode created = admin
			.post("/api/v1/webhooks",
					"{\"url\": \"" + receiver.url() + "\", \"events\": [\"press-block.changed\", "
							+ "\"person.updated\"], \"description\": \"CMS\"}")
			.json();
		String secret = created.get("secret").asString();
		assertThat(secret).startsWith("whsec_");
		String hook = created.get("id").asString();
		assertThat(admin.get("/api/v1/webhooks/" + hook).body()).doesNotContain(secret, "whsec_");

		editor.patch("/api/v1/people/" + personId, "{\"phones\": [{\"value\": \"" + publicPhone + "\", \"visibility\": "
				+ "\"PUBLIC\"}, {\"value\": \"" + mobile + "1\", \"kind\": \"MOBILE\"}]}");
		List<Receiver.Received> block = receiver.await(m -> m.type().equals("press-block.changed"), 1,
				Duration.ofSeconds(20));
		assertThat(block.get(0).body()).contains("\"articleId\":\"" + articleId + "\"");
		receiver.await(m -> m.type().equals("person.updated"), 1, Duration.ofSeconds(20));

		editor.patch("/api/v1/people/" + personId, "{\"phones\": [{\"value\": \"" + publicPhone + "\", \"visibility\": "
				+ "\"PUBLIC\"}, {\"value\": \"" + mobile + "2\", \"kind\": \"MOBILE\"}]}");
		receiver.await(m -> m.type().equals("person.updated"), 2, Duration.ofSeconds(20));
		Thread.sleep(1_000);
		assertThat(receiver.received().stream().filter(m -> m.type().equals("press-block.changed")))
			.as("once, and not for the INTERNAL phone")
			.hasSize(1);
		assertThat(StandardWebhooksLibrary.verify(secret, receiver.received())).isEqualTo("verified 3");
		assertThat(StandardWebhooksLibrary.verify(Signatures.newSecret(), receiver.received())).as("another secret")
			.contains("No matching signature found");

		// a rotation: the old secret signs beside the new one
		String rotated = admin.post("/api/v1/webhooks/" + hook + "/rotate-secret", "").text("$.secret");
		admin.post("/api/v1/webhooks/" + hook + "/test", "");
		Receiver.Received test = receiver.await(m -> m.type().equals("webhook.test"), 1, Duration.ofSeconds(20)).get(0);
		assertThat(test.signature().split(" ")).hasSize(2);
		assertThat(StandardWebhooksLibrary.verify(rotated, List.of(test))).isEqualTo("verified 1");
		assertThat(StandardWebhooksLibrary.verify(secret, List.of(test))).isEqualTo("verified 1");
		assertThat(admin.get("/api/v1/audit?entity=webhook&entityId=" + hook).<List<String>>at("$.items[*].action"))
			.containsExactly("KEY_ROTATED", "CREATED");
	}

	@Test
	void aReceiverFailingTwiceGetsTheEventAgainWithTheSameId() throws Exception {
		String hook = admin
			.post("/api/v1/webhooks", "{\"url\": \"" + receiver.url() + "\", \"events\": [\"press-block.changed\"]}")
			.text("$.id");
		receiver.answer(500, null);
		receiver.answer(503, "0");
		editor.patch("/api/v1/people/" + personId, "{\"pronouns\": \"she/her\"}");

		List<Receiver.Received> attempts = receiver.await(m -> true, 3, Duration.ofSeconds(30));
		assertThat(attempts).extracting(Receiver.Received::id).containsOnly(attempts.get(0).id());
		assertThat(attempts).extracting(Receiver.Received::body).containsOnly(attempts.get(0).body());
		JsonNode delivery = awaitDelivery(hook, "DELIVERED");
		assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
		assertThat(delivery.get("lastStatus").asInt()).isEqualTo(204);
		assertThat(viewer.get("/api/v1/changes?limit=1000&after=0").body()).as("the feed has the same id")
			.contains("\"id\":\"" + attempts.get(0).id() + "\"");
	}

	@Test
	void a410DisablesTheEndpointAndARefusedChangeSendsNothing() throws Exception {
		String hook = admin.post("/api/v1/webhooks", "{\"url\": \"" + receiver.url() + "\", \"events\": [\"*\"]}")
			.text("$.id");
		Http.Response refused = editor.patch("/api/v1/people/" + personId, "{\"pronouns\": \"they/them\"}", "If-Match",
				"\"1\"");
		assertThat(refused.status()).isEqualTo(412);
		receiver.answer(410, null);
		admin.post("/api/v1/webhooks/" + hook + "/test", "");
		receiver.await(m -> true, 1, Duration.ofSeconds(20));
		JsonNode endpoint = awaitDisabled(hook);
		assertThat(endpoint.get("disabledReason").asString()).contains("410 Gone");
		assertThat(receiver.received()).as("nothing of the refused change").hasSize(1);
		assertThat(admin.get("/api/v1/webhooks/" + hook + "/deliveries").<List<String>>at("$.items[*].status"))
			.containsExactly("FAILED");

		editor.patch("/api/v1/people/" + personId, "{\"pronouns\": \"she/her\"}");
		Thread.sleep(1_500);
		assertThat(receiver.received()).as("a disabled endpoint gets nothing").hasSize(1);
		assertThat(admin.post("/api/v1/webhooks/" + hook + "/test", "").status()).isEqualTo(409);
	}

	@Test
	void anAddressOrEventThatIsNotAllowedIsNamed() {
		Http.Response bad = admin.post("/api/v1/webhooks",
				"{\"url\": \"ftp://example.org/hook\", \"events\": [\"person.renamed\"]}");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.errorFields()).containsExactlyInAnyOrder("url", "events[0]");
		assertThat(editor.post("/api/v1/webhooks", "{\"url\": \"" + receiver.url() + "\"}").status()).isEqualTo(403);
	}

	private JsonNode awaitDelivery(String hook, String status) throws InterruptedException {
		for (int i = 0; i < 200; i++) {
			JsonNode items = admin.get("/api/v1/webhooks/" + hook + "/deliveries").json().get("items");
			if (!items.isEmpty() && items.get(0).get("status").asString().equals(status)) {
				return items.get(0);
			}
			Thread.sleep(100);
		}
		throw new AssertionError(
				"no delivery " + status + ": " + admin.get("/api/v1/webhooks/" + hook + "/deliveries").body());
	}

	private JsonNode awaitDisabled(String hook) throws InterruptedException {
		for (int i = 0; i < 100; i++) {
			JsonNode endpoint = admin.get("/api/v1/webhooks/" + hook).json();
			if (!endpoint.get("enabled").asBoolean()) {
				return endpoint;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("not disabled");
	}

}

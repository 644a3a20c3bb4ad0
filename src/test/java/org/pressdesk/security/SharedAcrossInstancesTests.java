package org.pressdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.pressdesk.ApiTestSupport;
import org.pressdesk.Browser;
import org.pressdesk.Http;
import org.pressdesk.PressdeskApplication;
import org.pressdesk.TestDatabase;
import org.pressdesk.article.ArticleFixtures;
import org.pressdesk.system.Leases;
import org.pressdesk.webhook.Receiver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances on one database, as behind a load balancer: what one holds of a user
 * (their session, their failed logins) the other knows, and work scheduled on both is
 * done by one.
 */
class SharedAcrossInstancesTests extends ApiTestSupport {

	private static ConfigurableApplicationContext other;

	private static int otherPort;

	/** The limits of the instances started here (this test's own is unlimited). */
	private static final int API_PER_MINUTE = 30;

	private static final int PUBLIC_PER_MINUTE = 10;

	@BeforeAll
	static void secondInstance() {
		other = instance();
		otherPort = ((WebServerApplicationContext) other).getWebServer().getPort();
	}

	/** Another instance on the test's database, with rate limits on. */
	private static ConfigurableApplicationContext instance() {
		return instance(PUBLIC_PER_MINUTE);
	}

	private static ConfigurableApplicationContext instance(int publicPerMinute) {
		return new SpringApplicationBuilder(PressdeskApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + TestDatabase.jdbcUrl(),
				"--spring.datasource.username=" + TestDatabase.username(),
				"--spring.datasource.password=" + TestDatabase.password(),
				"--pressdesk.admin-password=" + ADMIN_PASSWORD, "--pressdesk.demo-data=false",
				"--pressdesk.api.rate-limit-per-minute=" + API_PER_MINUTE, "--pressdesk.pages.rate-limit-per-minute=0",
				"--pressdesk.public.rate-limit-per-minute=" + publicPerMinute,
				"--pressdesk.webhooks.allow-private-networks=true", "--pressdesk.webhooks.secret-key=" + WEBHOOK_KEY);
	}

	@AfterAll
	static void stopSecondInstance() {
		other.close();
	}

	@Test
	void aSessionMadeOnOneInstanceWorksOnTheOtherAndEndsOnBoth() {
		String username = unique("across").toLowerCase();
		String id = admin
			.post("/api/v1/users",
					Http.toJson(Map.of("username", username, "password", STAFF_PASSWORD, "role", "VIEWER")))
			.createdId();
		Browser onA = new Browser(port);
		assertThat(onA.login(username, STAFF_PASSWORD).statusCode()).isEqualTo(302);
		Browser onB = onA.at(otherPort);
		assertThat(onB.get("/").statusCode()).as("B knows the session A made").isEqualTo(200);
		assertThat(onB.get("/").body()).contains("<span>" + username + "</span>");

		// disabling the user on B ends the session A serves too
		Http otherAdmin = Http.anonymous(otherPort).as("admin", ADMIN_PASSWORD);
		String etag = otherAdmin.get("/api/v1/users/" + id).header("ETag");
		otherAdmin.patch("/api/v1/users/" + id, "{\"enabled\": false}", "If-Match", etag);
		assertThat(onA.get("/").statusCode()).isEqualTo(302);
	}

	@Test
	void failedLoginsCountOnBothInstancesAlike() {
		String username = unique("guessed").toLowerCase();
		admin.post("/api/v1/users",
				Http.toJson(Map.of("username", username, "password", STAFF_PASSWORD, "role", "VIEWER")));
		Http wrongOnA = Http.anonymous(port).as(username, "not the password, on A");
		Http wrongOnB = Http.anonymous(otherPort).as(username, "not the password, on B");
		int free = other.getBean(LoginThrottleSettings.class).freeFailures();
		for (int i = 0; i < free; i++) {
			assertThat((i % 2 == 0 ? wrongOnA : wrongOnB).get("/api/v1/me").status()).isEqualTo(401);
		}
		// the free failures are spent, half on each: the next one waits, wherever it goes
		assertThat(wrongOnB.get("/api/v1/me").header("Retry-After")).as("B counts what A saw").isNotNull();
		assertThat(wrongOnA.get("/api/v1/me").header("Retry-After")).isNotNull();
	}

	@Test
	void theApiAndPublicRateLimitsHoldAcrossInstances() {
		String username = unique("limited").toLowerCase();
		admin.post("/api/v1/users",
				Http.toJson(Map.of("username", username, "password", STAFF_PASSWORD, "role", "VIEWER")));
		String slug = editor
			.post("/api/v1/articles", "{\"title\": \"Limited " + username + "\", \"status\": " + "\"PUBLISHED\"}")
			.text("$.slug");
		try (ConfigurableApplicationContext third = instance()) {
			int thirdPort = ((WebServerApplicationContext) third).getWebServer().getPort();
			List<Http> users = List.of(Http.anonymous(otherPort).as(username, STAFF_PASSWORD),
					Http.anonymous(thirdPort).as(username, STAFF_PASSWORD));
			int ok = 0;
			for (int i = 0; i < 2 * API_PER_MINUTE; i++) {
				if (users.get(i % 2).get("/api/v1/me").status() == 200) {
					ok++;
				}
			}
			assertThat(ok).as("one allowance for both instances").isEqualTo(API_PER_MINUTE);
			assertThat(users.get(0).get("/api/v1/me").status()).isEqualTo(429);
			assertThat(users.get(1).get("/api/v1/me").status()).isEqualTo(429);

			List<Http> journalists = List.of(Http.anonymous(otherPort), Http.anonymous(thirdPort));
			int pages = 0;
			for (int i = 0; i < 2 * PUBLIC_PER_MINUTE; i++) {
				if (journalists.get(i % 2).get("/press/" + slug).status() == 200) {
					pages++;
				}
			}
			assertThat(pages).as("one allowance per address for both instances").isEqualTo(PUBLIC_PER_MINUTE);
		}
	}

	@Test
	void aChangeMadeOnOneInstanceIsOnTheOthersPublicPagesWithinTwoSeconds() throws Exception {
		ArticleFixtures fixtures = new ArticleFixtures(editor, unique("f"));
		String personId = fixtures
			.person("Fiona", "Follower", fixtures.organisation(unique("Followed institute "), null), "Press Officer")
			.get("id")
			.asString();
		String articleId = editor.post("/api/v1/articles", "{\"title\": \"Followed\", \"status\": \"PUBLISHED\"}")
			.createdId();
		fixtures.putContacts(articleId, "[{\"personId\": \"" + personId + "\", \"role\": \"PRESS_CONTACT\"}]");
		String path = "/press/" + editor.get("/api/v1/articles/" + articleId).text("$.slug") + "/contacts.vcf";
		try (ConfigurableApplicationContext reader = instance(0)) {
			Http journalist = Http.anonymous(((WebServerApplicationContext) reader).getWebServer().getPort());
			String before = journalist.get(path).body();
			assertThat(journalist.get(path).body()).as("asked again, unchanged").isEqualTo(before);

			assertThat(editor
				.patch("/api/v1/people/" + personId,
						"{\"phones\": [{\"value\": \"01223 765432\", \"visibility\": \"PUBLIC\"}]}")
				.status()).isEqualTo(200);
			long changed = System.nanoTime();
			while (!journalist.get(path).body().contains("+44 1223 765432")) {
				assertThat(Duration.ofNanos(System.nanoTime() - changed)).as("the other instance's card")
					.isLessThan(Duration.ofSeconds(2));
				Thread.sleep(20);
			}
		}
	}

	@Test
	void webhookDeliveriesSentByBothInstancesArriveOnceEach() throws Exception {
		int people = 40;
		try (Receiver receiver = new Receiver()) {
			// the first attempts are told to come back in a second, so both instances
			// have retries due; an event sent twice would be answered 204 twice. The
			// race itself is rare here: WebhookClaimTests makes it happen
			for (int i = 0; i < people; i++) {
				receiver.answer(503, "1");
			}
			String hook = admin
				.post("/api/v1/webhooks", "{\"url\": \"" + receiver.url() + "\", \"events\": [\"person.created\"]}")
				.createdId();
			String tag = unique("once");
			for (int i = 0; i < people; i++) {
				// half through each instance: both put events in order and both send
				Http writer = i % 2 == 0 ? editor : Http.anonymous(otherPort).as("test-editor", STAFF_PASSWORD);
				writer.post("/api/v1/people", Http.toJson(Map.of("givenName", "Once" + i, "familyName", tag)));
			}
			receiver.await(message -> message.answered() == 204, people, Duration.ofSeconds(30));
			Thread.sleep(1_500);
			Map<String, Long> delivered = receiver.received()
				.stream()
				.filter(message -> message.answered() == 204)
				.collect(Collectors.groupingBy(Receiver.Received::id, Collectors.counting()));
			assertThat(delivered).as("every event delivered").hasSize(people);
			assertThat(delivered.values()).as("by one instance, once").containsOnly(1L);
			admin.delete("/api/v1/webhooks/" + hook);
		}
	}

	@Test
	void workScheduledOnBothInstancesIsDoneByOne() throws Exception {
		String job = unique("job");
		AtomicInteger done = new AtomicInteger();
		CountDownLatch start = new CountDownLatch(1);
		Leases here = leases;
		Leases there = other.getBean(Leases.class);
		CompletableFuture<Boolean> onA = CompletableFuture.supplyAsync(() -> {
			await(start);
			return here.runOnce(job, Duration.ofHours(1), done::incrementAndGet);
		});
		CompletableFuture<Boolean> onB = CompletableFuture.supplyAsync(() -> {
			await(start);
			return there.runOnce(job, Duration.ofHours(1), done::incrementAndGet);
		});
		start.countDown();
		assertThat(onA.get() ^ onB.get()).as("one of them ran it").isTrue();
		assertThat(done).hasValue(1);
		assertThat(there.runOnce(job, Duration.ofHours(1), done::incrementAndGet)).as("not again within the hour")
			.isFalse();
	}

	@Autowired
	private Leases leases;

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

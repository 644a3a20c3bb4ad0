package org.pressdesk.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import org.pressdesk.Http;
import org.pressdesk.PressdeskApplication;
import org.pressdesk.TestDatabase;
import org.pressdesk.web.UnavailableResponses;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded {@code mariadbd} killed ({@code kill -9}) under a steady write load: while
 * it is away every answer is a quick 503 problem (a page for a browser), health and
 * readiness say DOWN and liveness UP; the supervisor restarts it, the service serves
 * again by itself, and every write that was answered 201 is there.
 */
class DatabaseOutageTests {

	private static final String PASSWORD = "outage test chief password";

	/** Long enough to look at the outage before the supervisor brings the server back. */
	private static final int RESTART_DELAY_SECONDS = 4;

	@Test
	void aKilledDatabaseIsAQuick503UntilTheSupervisorBringsItBackAndNoAcknowledgedWriteIsLost() throws Exception {
		Path dataDir = Path.of("target", "outage-test", UUID.randomUUID().toString());
		try (ConfigurableApplicationContext service = new SpringApplicationBuilder(PressdeskApplication.class).run(
				"--server.port=0", "--pressdesk.data-dir=" + dataDir, "--pressdesk.admin-password=" + PASSWORD,
				"--pressdesk.demo-data=false", "--pressdesk.api.rate-limit-per-minute=0",
				"--pressdesk.embedded-db.restart-delay=" + RESTART_DELAY_SECONDS + "s",
				TestDatabase.BINARIES_SETTING)) {
			int port = ((WebServerApplicationContext) service).getWebServer().getPort();
			Http anonymous = Http.anonymous(port);
			Http admin = anonymous.as("admin", PASSWORD);
			EmbeddedMariaDb database = service.getBean(EmbeddedMariaDb.class);

			ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
			ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
			AtomicBoolean writing = new AtomicBoolean(true);
			ExecutorService writers = Executors.newFixedThreadPool(3);
			for (int w = 0; w < 3; w++) {
				writers.submit(() -> {
					while (writing.get()) {
						var response = admin.post("/api/v1/people", Http.toJson(Map.of("givenName", "Outage",
								"familyName", "Writer" + UUID.randomUUID().toString().substring(0, 8))));
						if (response.status() == 201) {
							acknowledged.add(response.text("$.id"));
						}
						else if (!isUnavailableProblem(response)) {
							unexpected.add(response.status() + " " + response.body());
						}
					}
				});
			}
			Thread.sleep(1500);
			int beforeKill = acknowledged.size();
			assertThat(beforeKill).as("writes acknowledged before the kill").isPositive();
			database.process().destroyForcibly();
			database.process().onExit().get(10, TimeUnit.SECONDS);

			// the outage as clients see it: a request that needs the database (a search
			// may be answered from the index, by an account read in the last second,
			// before anything has noticed the outage)
			long started = System.nanoTime();
			var api = admin.get("/api/v1/people/" + acknowledged.peek());
			long apiMillis = (System.nanoTime() - started) / 1_000_000;
			assertThat(isUnavailableProblem(api)).as("API during the outage: %s", api).isTrue();
			assertThat(apiMillis).as("ms until the API answered").isLessThan(2_500);
			assertThat(api.header("Retry-After")).isNotNull();
			var page = anonymous.get("/login", "Accept", "text/html");
			assertThat(page.status()).isEqualTo(503);
			assertThat(page.body()).contains("The directory is unavailable");
			var press = anonymous.get("/press/any-article", "Accept", "text/html");
			assertThat(press.status()).isEqualTo(503);
			assertThat(press.body()).contains("The directory is unavailable");
			var badCredentials = anonymous.as("admin", "not the password at all").get("/api/v1/people");
			assertThat(isUnavailableProblem(badCredentials))
				.as("a login while the users cannot be read: %s", badCredentials)
				.isTrue();
			assertThat(anonymous.get("/actuator/health").status()).isEqualTo(503);
			assertThat(anonymous.get("/actuator/health/readiness").text("$.status")).isEqualTo("DOWN");
			assertThat(anonymous.get("/actuator/health/liveness").text("$.status")).isEqualTo("UP");

			// back by itself: the supervisor restarts the server, the service notices
			long back = System.nanoTime();
			while (admin.get("/api/v1/people?limit=1").status() != 200) {
				assertThat((System.nanoTime() - back) / 1_000_000_000).as("s until the service serves again")
					.isLessThan(RESTART_DELAY_SECONDS + 30);
				Thread.sleep(200);
			}
			assertThat(anonymous.get("/actuator/health/readiness").text("$.status")).isEqualTo("UP");
			Thread.sleep(1000);
			writing.set(false);
			writers.shutdown();
			assertThat(writers.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

			assertThat(unexpected).as("answers that were neither 201 nor a 503 problem").isEmpty();
			assertThat(acknowledged.size()).as("writes acknowledged after the restart").isGreaterThan(beforeKill);
			List<String> lost = acknowledged.stream()
				.filter(id -> admin.get("/api/v1/people/" + id).status() != 200)
				.toList();
			assertThat(lost).as("people answered 201 that are not there").isEmpty();
			// the search index follows the change log through the outage: a change it had
			// read but could not apply (the database gone mid-way) is read again
			Thread.sleep(1000);
			List<String> notFound = acknowledged.stream().filter(id -> {
				String family = admin.get("/api/v1/people/" + id).text("$.familyName");
				return !admin.get("/api/v1/people?q=" + family).<List<String>>at("$.items[*].id").contains(id);
			}).toList();
			assertThat(notFound).as("people answered 201 that search does not find").isEmpty();
		}
		finally {
			TestDatabase.deleteDirectory(dataDir);
		}
	}

	private static boolean isUnavailableProblem(Http.Response response) {
		return response.status() == 503 && response.header("Content-Type").startsWith("application/problem+json")
				&& response.text("$.type").equals(UnavailableResponses.TYPE);
	}

}

package org.pressdesk.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.pressdesk.PressdeskApplication;
import org.pressdesk.TestDatabase;
import org.pressdesk.database.GaleraCluster;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The same write load, with the same client, against the service on its embedded MariaDB
 * and on a three-node Galera cluster ({@link GaleraCluster}: Debian's
 * {@code mariadb-server}, {@code galera-4} and {@code rsync}), each on an empty database:
 * {@code bench.writers} writers (default 4) creating people over HTTP with an API key for
 * {@code bench.seconds} (default 15) after a warm-up of a third of that, then as many
 * changing them. Prints writes per second and latency. Not a test.
 */
public final class WriteBenchmark {

	private static final int WRITERS = Integer.getInteger("bench.writers", 4);

	private static final int SECONDS = Integer.getInteger("bench.seconds", 15);

	private static final String PASSWORD = "write benchmark chief password";

	private WriteBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path directory = GaleraCluster.directory();
		try {
			System.out.printf("%n%d writers, %d s each after a warm-up; an empty database each%n", WRITERS, SECONDS);
			try (ConfigurableApplicationContext service = service(directory.resolve("embedded"))) {
				measure("Embedded MariaDB", service);
			}
			if (!GaleraCluster.installed()) {
				System.out
					.println("Galera is not installed (apt-get install mariadb-server galera-4 rsync): no comparison");
				return;
			}
			try (GaleraCluster cluster = new GaleraCluster(directory.resolve("cluster"))) {
				cluster.start();
				try (ConfigurableApplicationContext service = service(directory.resolve("galera"),
						"--spring.datasource.url=" + cluster.jdbcUrl(),
						"--spring.datasource.username=" + GaleraCluster.USER,
						"--spring.datasource.password=" + GaleraCluster.PASSWORD)) {
					measure("Galera, 3 nodes", service);
				}
			}
		}
		finally {
			TestDatabase.deleteDirectory(directory);
		}
	}

	private static ConfigurableApplicationContext service(Path dataDir, String... database) {
		List<String> settings = new ArrayList<>(List.of("--server.port=0", "--pressdesk.data-dir=" + dataDir,
				"--pressdesk.admin-password=" + PASSWORD, "--pressdesk.demo-data=false", "--logging.level.root=WARN",
				"--pressdesk.api.rate-limit-per-minute=0"));
		settings.addAll(List.of(database));
		return new SpringApplicationBuilder(PressdeskApplication.class).run(settings.toArray(String[]::new));
	}

	private static void measure(String name, ConfigurableApplicationContext service) throws Exception {
		String base = "http://127.0.0.1:" + ((WebServerApplicationContext) service).getWebServer().getPort();
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		// an API client's key, as the CMS writes: a staff password would cost an Argon2
		// hash per request, more than the write
		String key = client
			.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/api-clients"))
				.header("Authorization",
						"Basic " + Base64.getEncoder()
							.encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"name\": \"Writer\", \"scopes\": [\"people:read\", \"people:write\"]}"))
				.build(), BodyHandlers.ofString())
			.body()
			.replaceAll(".*\"key\":\"([^\"]+)\".*", "$1");
		List<String> created = new java.util.concurrent.CopyOnWriteArrayList<>();
		Write create = n -> {
			var response = client.send(request(base + "/api/v1/people", key).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"givenName\": \"Writer\", \"familyName\": \"Number " + n + "\"}"))
				.build(), BodyHandlers.ofString());
			if (response.statusCode() == 201) {
				created.add(base + response.headers().firstValue("Location").orElseThrow());
			}
			return response.statusCode();
		};
		run(create, Math.max(1, SECONDS / 3));
		System.out.printf("%s%n  create a person: %s%n", name, run(create, SECONDS));
		Write change = n -> client
			.send(request(created.get((int) (n % created.size())), key).header("Content-Type", "application/json")
				.method("PATCH", HttpRequest.BodyPublishers.ofString("{\"notes\": \"change " + n + "\"}"))
				.build(), BodyHandlers.discarding())
			.statusCode();
		System.out.printf("  change a person: %s%n", run(change, SECONDS));
	}

	private static HttpRequest.Builder request(String uri, String key) {
		return HttpRequest.newBuilder(URI.create(uri)).header("Authorization", "Bearer " + key);
	}

	/** One write; its HTTP status. */
	private interface Write {

		int send(long n) throws Exception;

	}

	private static String run(Write write, int seconds) throws Exception {
		AtomicLong numbers = new AtomicLong();
		Load load = Load.run(WRITERS, seconds, () -> write.send(numbers.incrementAndGet()) < 300);
		return String.format("%,.0f/s, p50 %.1f ms, p99 %.1f ms, %d not 2xx", load.perSecond(), load.p50Millis(),
				load.p99Millis(), load.failures());
	}

}

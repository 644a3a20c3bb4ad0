package org.pressdesk.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.pressdesk.Http;
import org.pressdesk.PressdeskApplication;
import org.pressdesk.TestDatabase;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service on a three-node MariaDB Galera cluster (Debian's {@code mariadb-server} and
 * {@code galera-4}, which .ci/run installs), through Connector/J's failover address: two
 * instances starting together migrate the schema once; it takes a steady write load, and
 * loses no acknowledged write when the node it writes to is killed ({@code kill -9}) in
 * the middle of it.
 */
class GaleraClusterTests {

	private static final String PASSWORD = "galera chief password";

	private static final int WRITERS = 4;

	private static final int EDITS_PER_NODE = 30;

	/** Where a writer's status would be, when it got no answer at all. */
	private static final int CONNECTION_LOST = -1;

	@Test
	void aNodeKilledDuringAWriteLoadLosesNoAcknowledgedWrite() throws Exception {
		assumeTrue(GaleraCluster.installed() || "true".equals(System.getenv("CI")),
				"Galera is not installed (apt-get install mariadb-server galera-4; .ci/run does; CI must have it)");
		Path directory = GaleraCluster.directory();
		try (GaleraCluster cluster = new GaleraCluster(directory)) {
			cluster.start();
			twoInstancesStartingTogetherMigrateTheSchemaOnce(cluster, directory);
			try (ConfigurableApplicationContext service = instance(cluster, directory.resolve("service"))) {
				Http admin = Http.anonymous(((WebServerApplicationContext) service).getWebServer().getPort())
					.as("admin", PASSWORD);
				changesThroughTwoNodesAtOnceAreRunAgainWhenTheClusterRefusesOne(cluster, admin,
						directory.resolve("second"));
				Load load = new Load(admin);
				load.start();
				Thread.sleep(4_000);
				int beforeKill = load.acknowledged.size();
				cluster.kill(0);
				long killedAt = System.nanoTime();
				Thread.sleep(20_000);
				load.stop();
				System.out.printf(
						"Galera: %d people created in 4 s before the kill (%.0f/s), %d in the 20 s after; "
								+ "answers: %s; created per second from the start: %s%n",
						beforeKill, beforeKill / 4.0, load.acknowledged.size() - beforeKill, load.statuses,
						load.perSecond);
				assertThat(beforeKill).as("writes went through before the kill").isPositive();
				assertThat(load.acknowledged.size()).as("and after it, on the other nodes").isGreaterThan(beforeKill);
				assertThat(load.statuses.keySet()).as("created, or 503 (or the connection lost) while the node goes")
					.isSubsetOf(201, 503, CONNECTION_LOST);
				assertThat(load.lastFailureNanos.get() - killedAt).as("failures, if any, only around the kill")
					.isLessThan(TimeUnit.SECONDS.toNanos(12));

				List<String> acknowledged = new ArrayList<>(load.acknowledged);
				int found = 0;
				try (Connection node2 = cluster.connect(1)) {
					for (String id : acknowledged) {
						try (PreparedStatement query = node2
							.prepareStatement("select count(*) from person where id = ?")) {
							query.setString(1, id);
							try (ResultSet row = query.executeQuery()) {
								row.next();
								found += row.getInt(1);
							}
						}
					}
				}
				assertThat(acknowledged.size() - found).as("acknowledged writes lost").isZero();
				assertThat(cluster.clusterSize(1)).isEqualTo(2);
			}
		}
		finally {
			TestDatabase.deleteDirectory(directory);
		}
	}

	/**
	 * Two instances start at the same moment on the empty database, each in a JVM of its
	 * own: one migrates it, the other waits and finds it migrated.
	 */
	private static void twoInstancesStartingTogetherMigrateTheSchemaOnce(GaleraCluster cluster, Path directory)
			throws Exception {
		List<Process> instances = new ArrayList<>();
		try {
			int[] ports = FreePort.pick(2);
			for (int i = 0; i < 2; i++) {
				instances.add(OwnJvm.launch(directory.resolve("starting-" + i), ports[i], PASSWORD, "service",
						"--spring.datasource.url=" + cluster.jdbcUrl(),
						"--spring.datasource.username=" + GaleraCluster.USER,
						"--spring.datasource.password=" + GaleraCluster.PASSWORD));
			}
			for (int i = 0; i < 2; i++) {
				OwnJvm.awaitHealthy(instances.get(i), ports[i], PASSWORD);
			}
		}
		finally {
			for (Process instance : instances) {
				OwnJvm.stop(instance);
			}
		}
		try (Connection node1 = cluster.connect(0);
				ResultSet twice = node1.createStatement()
					.executeQuery("select version from flyway_schema_history group by version having count(*) > 1")) {
			assertThat(twice.next()).as("a migration applied twice").isFalse();
		}
	}

	/**
	 * The same person changed at once through two nodes (an instance on each): each node
	 * commits locally, and the cluster refuses the later of two conflicting commits at
	 * certification (error 1213). Every change is answered 200, none is applied twice:
	 * the refused ones were run again.
	 */
	private static void changesThroughTwoNodesAtOnceAreRunAgainWhenTheClusterRefusesOne(GaleraCluster cluster,
			Http onNode1, Path dataDir) throws Exception {
		String personId = onNode1.post("/api/v1/people", "{\"givenName\": \"Contested\", \"familyName\": \"Row\"}")
			.createdId();
		long retriedBefore = RetriedTransactions.retried();
		try (ConfigurableApplicationContext second = instance(cluster.jdbcUrl(1), dataDir)) {
			Http onNode2 = Http.anonymous(((WebServerApplicationContext) second).getWebServer().getPort())
				.as("admin", PASSWORD);
			Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
			List<CompletableFuture<Void>> sides = new ArrayList<>();
			for (Http side : List.of(onNode1, onNode2)) {
				sides.add(CompletableFuture.runAsync(() -> {
					for (int i = 0; i < EDITS_PER_NODE; i++) {
						Http.Response answer = side.patch("/api/v1/people/" + personId,
								"{\"notes\": \"edit " + i + "\"}");
						if (answer.status() != 200) {
							System.out.println("Galera: a change answered " + answer.status() + ": " + answer.body());
						}
						statuses.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
					}
				}));
			}
			CompletableFuture.allOf(sides.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
			long retried = RetriedTransactions.retried() - retriedBefore;
			System.out.printf("Galera: %d changes of one person through two nodes at once: answers %s, %d run again%n",
					2 * EDITS_PER_NODE, statuses, retried);
			assertThat(statuses.keySet()).as("answers").containsOnly(200);
			assertThat(retried).as("changes the cluster refused at certification and were run again").isPositive();
			assertThat(onNode1.get("/api/v1/people/" + personId).header("ETag"))
				.as("the version counts each change once")
				.isEqualTo("\"" + (1 + 2 * EDITS_PER_NODE) + "\"");
		}
	}

	private static ConfigurableApplicationContext instance(GaleraCluster cluster, Path dataDir) {
		return instance(cluster.jdbcUrl(), dataDir);
	}

	private static ConfigurableApplicationContext instance(String jdbcUrl, Path dataDir) {
		return new SpringApplicationBuilder(PressdeskApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=" + GaleraCluster.USER,
				"--spring.datasource.password=" + GaleraCluster.PASSWORD, "--pressdesk.admin-password=" + PASSWORD,
				"--pressdesk.demo-data=false", "--pressdesk.api.rate-limit-per-minute=0",
				"--pressdesk.data-dir=" + dataDir);
	}

	/** Writers creating people as fast as they go; what was acknowledged (201), kept. */
	private static final class Load {

		final ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();

		final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();

		/** Acknowledged writes in each second since the load started. */
		final Map<Long, AtomicInteger> perSecond = new java.util.concurrent.ConcurrentSkipListMap<>();

		private final long started = System.nanoTime();

		final AtomicLong lastFailureNanos = new AtomicLong();

		private final Http admin;

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final ExecutorService writers = Executors.newFixedThreadPool(WRITERS);

		Load(Http admin) {
			this.admin = admin;
		}

		void start() {
			for (int w = 0; w < WRITERS; w++) {
				int writer = w;
				writers.execute(() -> {
					for (int i = 0; running.get(); i++) {
						int status;
						String id = null;
						try {
							Http.Response created = admin.post("/api/v1/people",
									Http.toJson(Map.of("givenName", "Writer" + writer, "familyName", "Galera" + i)));
							status = created.status();
							id = status == 201 ? created.createdId() : null;
						}
						catch (IllegalStateException connectionLost) {
							status = CONNECTION_LOST;
						}
						statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
						if (id != null) {
							acknowledged.add(id);
							perSecond
								.computeIfAbsent(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started),
										s -> new AtomicInteger())
								.incrementAndGet();
						}
						else {
							lastFailureNanos.set(System.nanoTime());
						}
					}
				});
			}
		}

		void stop() throws InterruptedException {
			running.set(false);
			writers.shutdown();
			writers.awaitTermination(1, TimeUnit.MINUTES);
		}

	}

}

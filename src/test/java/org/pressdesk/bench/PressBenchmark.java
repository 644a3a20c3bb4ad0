package org.pressdesk.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pressdesk.database.FreePort;

/**
 * Requests per second and latency of {@code GET /press/{slug}/contacts.vcf} on loopback,
 * next to nginx (Debian's {@code nginx-light}) serving the same bytes from a file, in the
 * same run and with the same client, the service in a JVM of its own
 * ({@link ServiceProcess}): {@code bench.connections} keep-alive connections (default 8)
 * for {@code bench.seconds} (default 15) after a warm-up. The public rate limit is on, at
 * its default: the requests come from as many journalists (a different address in
 * {@code X-Forwarded-For} each, loopback being a trusted proxy), so that the limit's own
 * cost is measured, not its refusals. Not a test.
 */
public final class PressBenchmark {

	private static final int CONNECTIONS = Integer.getInteger("bench.connections", 8);

	private static final int SECONDS = Integer.getInteger("bench.seconds", 15);

	private static final int WARM_UP = Math.max(1, SECONDS / 3);

	private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

	private static final int CONTACTS = 5;

	private PressBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		BenchDirectory.start().close();
		try (ServiceProcess service = ServiceProcess.start("512m", "--pressdesk.trusted-proxies=127.0.0.1")) {
			int port = service.port();
			service.awaitIdle();
			HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			String path = publishedArticle(client, port) + "/contacts.vcf";
			byte[] cards = client
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
						BodyHandlers.ofByteArray())
				.body();
			System.out.printf("%nGET %s: %,d bytes, %d cards; %d connections, %d s each%n", path, cards.length,
					new String(cards, StandardCharsets.UTF_8).split("END:VCARD", -1).length - 1, CONNECTIONS, SECONDS);

			URI pressdesk = URI.create("http://127.0.0.1:" + port + path);
			Path nginx = Path.of("/usr/sbin/nginx");
			if (!Files.isExecutable(nginx)) {
				System.out.println("Pressdesk: " + load(client, pressdesk, service.process()));
				System.out.println("nginx is not installed (apt-get install nginx-light): no comparison");
				return;
			}
			Path root = Files.createTempDirectory("press-bench",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
			Files.write(root.resolve("contacts.vcf"), cards);
			int nginxPort = FreePort.pick();
			Files.writeString(root.resolve("nginx.conf"), """
					daemon off;
					worker_processes auto;
					pid %1$s/nginx.pid;
					error_log %1$s/error.log;
					events { worker_connections 1024; }
					http {
					  access_log off;
					  client_body_temp_path %1$s; proxy_temp_path %1$s; fastcgi_temp_path %1$s;
					  types { text/vcard vcf; }
					  server { listen 127.0.0.1:%2$d; root %1$s; }
					}
					""".formatted(root, nginxPort));
			Process server = new ProcessBuilder(nginx.toString(), "-c", root.resolve("nginx.conf").toString())
				.redirectErrorStream(true)
				.redirectOutput(root.resolve("nginx.out").toFile())
				.start();
			try {
				waitForPort(nginxPort);
				URI file = URI.create("http://127.0.0.1:" + nginxPort + "/contacts.vcf");
				// warmed up once each, then measured by turns, so that whatever else the
				// machine does weighs on both alike
				run(client, pressdesk, WARM_UP, service.process());
				run(client, file, WARM_UP, server.toHandle());
				List<Double> ratios = new ArrayList<>();
				for (int round = 1; round <= ROUNDS; round++) {
					Result ours = run(client, pressdesk, SECONDS, service.process());
					Result theirs = run(client, file, SECONDS, server.toHandle());
					ratios.add(ours.perSecond() / theirs.perSecond());
					System.out.printf(
							"Round %d%n  Pressdesk: %s%n  nginx:     %s%n  Pressdesk / nginx: %.2f of the "
									+ "requests per second, p99 %.1f× as long%n",
							round, ours, theirs, ours.perSecond() / theirs.perSecond(),
							ours.p99Millis() / theirs.p99Millis());
				}
				System.out.printf("Pressdesk / nginx over %d rounds: %s, median %.2f%n", ROUNDS,
						ratios.stream().map(r -> String.format("%.2f", r)).toList(),
						ratios.stream().sorted().toList().get(ROUNDS / 2));
			}
			finally {
				server.destroy();
				server.waitFor(10, TimeUnit.SECONDS);
			}
		}
	}

	record Result(long requests, double perSecond, double p50Millis, double p99Millis, long failures,
			double cpuMicrosPerRequest) {

		@Override
		public String toString() {
			return String.format(
					"%,d requests, %,.0f requests/s, p50 %.2f ms, p99 %.2f ms, %d not 200, %.0f µs of the server's CPU per request",
					requests, perSecond, p50Millis, p99Millis, failures, cpuMicrosPerRequest);
		}

	}

	/**
	 * A published article with the first people of the directory as press contacts; made
	 * once, kept.
	 */
	private static String publishedArticle(HttpClient client, int port) throws Exception {
		String people = send(client, port, "GET", "/api/v1/people?q=smith&limit=" + CONTACTS, null);
		Matcher ids = Pattern.compile("\"id\":\"([0-9a-f-]{36})\",\"honorificPrefix\"").matcher(people);
		List<String> contacts = new ArrayList<>();
		while (ids.find()) {
			contacts.add("{\"personId\":\"" + ids.group(1) + "\",\"role\":\"PRESS_CONTACT\"}");
		}
		String article = send(client, port, "PUT", "/api/v1/articles/by-ref/press-benchmark",
				"{\"title\":\"Press benchmark\",\"status\":\"PUBLISHED\",\"url\":\"https://www.example.org/news/bench\"}");
		Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(article);
		Matcher slug = Pattern.compile("\"slug\":\"([a-z0-9-]+)\"").matcher(article);
		if (!id.find() || !slug.find()) {
			throw new IllegalStateException("no article: " + article);
		}
		send(client, port, "PUT", "/api/v1/articles/" + id.group(1) + "/contacts",
				"[" + String.join(",", contacts) + "]");
		return "/press/" + slug.group(1);
	}

	private static String send(HttpClient client, int port, String method, String path, String json) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Authorization", BenchDirectory.authorization())
			.method(method,
					json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		return client.send(request.build(), BodyHandlers.ofString()).body();
	}

	/** Warm-up for a third of the time, then the measured run. */
	private static Result load(HttpClient client, URI uri, ProcessHandle server) throws Exception {
		run(client, uri, WARM_UP, server);
		return run(client, uri, SECONDS, server);
	}

	private static Result run(HttpClient client, URI uri, int seconds, ProcessHandle server) throws Exception {
		Duration cpuBefore = ServiceProcess.cpu(server);
		Load load = Load.run(CONNECTIONS, seconds,
				() -> client.send(fromAnotherJournalist(uri), BodyHandlers.discarding()).statusCode() == 200);
		return new Result(load.requests(), load.perSecond(), load.p50Millis(), load.p99Millis(), load.failures(),
				ServiceProcess.cpu(server).minus(cpuBefore).toNanos() / 1e3 / load.requests());
	}

	private static final AtomicInteger journalists = new AtomicInteger();

	private static HttpRequest fromAnotherJournalist(URI uri) {
		int n = journalists.incrementAndGet() & 0xFFFFFF;
		return HttpRequest.newBuilder(uri)
			.header("X-Forwarded-For", "10." + (n >> 16) + "." + (n >> 8 & 255) + "." + (n & 255))
			.build();
	}

	private static void waitForPort(int port) throws Exception {
		for (int i = 0; i < 100; i++) {
			try (var socket = new java.net.Socket("127.0.0.1", port)) {
				return;
			}
			catch (IOException ex) {
				Thread.sleep(100);
			}
		}
		throw new IllegalStateException("nginx did not start on port " + port);
	}

}

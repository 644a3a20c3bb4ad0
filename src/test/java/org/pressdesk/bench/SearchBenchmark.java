package org.pressdesk.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.pressdesk.person.PersonSearch;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Search on the benchmark directory ({@link BenchDirectory}): how long this instance took
 * to build its index from the database and the memory it takes, then
 * {@code GET /api/v1/people?q=…} over real HTTP with authentication, median and p99 per
 * query, with one client and with eight at once. Not a test: run it by hand, see the
 * README.
 */
public final class SearchBenchmark {

	private static final int REQUESTS = Integer.getInteger("bench.requests", 400);

	private static final List<String> DEFAULT_QUERIES = List.of("smith", "lopez", "jane lopez", "manufacturing",
			"institute of climate", "head of policy", "siobhan walsh", "020 7946 0123", "7946", "jane.smith",
			"jane.smith@example.org", "lopez-gomes", "gergory", "smyth", "mike", "j", "zzzz-no-match");

	private SearchBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		try (ConfigurableApplicationContext service = BenchDirectory.start()) {
			PersonSearch.IndexStatus index = service.getBean(PersonSearch.class).indexStatus();
			System.gc();
			Runtime runtime = Runtime.getRuntime();
			System.out.printf(
					"%nSearch index: %,d people built in %.1f s; index %.0f MB; heap in use after GC %.0f MB%n",
					index.people(), index.buildMillis() / 1000.0, index.bytes() / 1048576.0,
					(runtime.totalMemory() - runtime.freeMemory()) / 1048576.0);
			int port = BenchDirectory.port(service);
			// the index built at start is merged into one segment in the background: the
			// first query measured during that merge took twice as long
			ServiceProcess.awaitIdle(ProcessHandle.current());
			System.out.printf(
					"%nGET /api/v1/people?q=… (limit 20), %d requests per query and client count, after warm-up%n",
					REQUESTS);
			System.out.printf("%-24s %8s %14s %14s %14s %14s%n", "q", "results", "1: median ms", "1: p99 ms",
					"8: median ms", "8: p99 ms");
			String asked = System.getProperty("bench.queries");
			List<String> queries = asked == null ? DEFAULT_QUERIES : List.of(asked.split(","));
			// a service that has served for a while: every query's code paths compiled,
			// with one client and with eight, before the first is timed
			HttpClient warmUp = HttpClient.newHttpClient();
			for (String q : queries) {
				timed(warmUp, request(port, q), 100, q);
				concurrently(request(port, q), 8, 25, q);
			}
			for (String q : queries) {
				measure(port, q);
			}
		}
	}

	private static void measure(int port, String q) throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		HttpRequest request = request(port, q);
		String body = "";
		for (int i = 0; i < 50; i++) {
			body = client.send(request, BodyHandlers.ofString()).body();
		}
		int results = body.split("\"displayName\"", -1).length - 1;
		long[] one = timed(client, request, REQUESTS, q);
		long[] eight = concurrently(request, 8, REQUESTS, q);
		System.out.printf("%-24s %8s %14.1f %14.1f %14.1f %14.1f%n", q, results == 20 ? "20+" : results, median(one),
				p99(one), median(eight), p99(eight));
	}

	private static HttpRequest request(int port, String q) {
		return HttpRequest
			.newBuilder(URI.create(
					"http://127.0.0.1:" + port + "/api/v1/people?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
			.header("Authorization", BenchDirectory.authorization())
			.build();
	}

	/** {@code clients} at once, each with its own connection. */
	private static long[] concurrently(HttpRequest request, int clients, int requests, String q) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			List<Future<long[]>> each = new ArrayList<>();
			for (int c = 0; c < clients; c++) {
				each.add(pool.submit(() -> timed(HttpClient.newHttpClient(), request, requests, q)));
			}
			List<Long> all = new ArrayList<>();
			for (Future<long[]> times : each) {
				Arrays.stream(times.get()).forEach(all::add);
			}
			return all.stream().mapToLong(Long::longValue).sorted().toArray();
		}
		finally {
			pool.shutdown();
		}
	}

	private static long[] timed(HttpClient client, HttpRequest request, int requests, String q) throws Exception {
		long[] nanos = new long[requests];
		for (int i = 0; i < requests; i++) {
			long started = System.nanoTime();
			var response = client.send(request, BodyHandlers.ofString());
			nanos[i] = System.nanoTime() - started;
			if (response.statusCode() != 200) {
				throw new IllegalStateException(q + " → " + response.statusCode() + " " + response.body());
			}
		}
		Arrays.sort(nanos);
		return nanos;
	}

	private static double median(long[] sorted) {
		return sorted[sorted.length / 2] / 1e6;
	}

	private static double p99(long[] sorted) {
		return sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6;
	}

}

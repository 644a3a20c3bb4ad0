package org.pressdesk.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Search latency on the benchmark directory ({@link BenchDirectory}): times
 * {@code GET /api/v1/people?q=…} over real HTTP and prints the median and p99 for each
 * query. Not a test: run it by hand, see the README.
 */
public final class SearchBenchmark {

	private static final int REQUESTS = Integer.getInteger("bench.requests", 300);

	private SearchBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		try (ConfigurableApplicationContext service = BenchDirectory.start()) {
			measure(BenchDirectory.port(service),
					List.of("smith", "lopez", "jane lopez", "manufacturing", "institute of climate", "head of policy",
							"siobhan walsh", "020 7946 0123", "jane.smith", "zzzz-no-match"));
		}
	}

	private static void measure(int port, List<String> queries) throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		String authorization = BenchDirectory.authorization();
		System.out.printf("%nGET /api/v1/people?q=… (limit 20), %d sequential requests per query after warm-up%n",
				REQUESTS);
		System.out.printf("%-24s %8s %10s %10s%n", "q", "results", "median ms", "p99 ms");
		for (String q : queries) {
			HttpRequest request = HttpRequest.newBuilder(URI.create(
					"http://127.0.0.1:" + port + "/api/v1/people?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
				.header("Authorization", authorization)
				.build();
			String body = "";
			for (int i = 0; i < 30; i++) {
				body = client.send(request, BodyHandlers.ofString()).body();
			}
			long[] nanos = new long[REQUESTS];
			for (int i = 0; i < REQUESTS; i++) {
				long started = System.nanoTime();
				var response = client.send(request, BodyHandlers.ofString());
				nanos[i] = System.nanoTime() - started;
				if (response.statusCode() != 200) {
					throw new IllegalStateException(q + " → " + response.statusCode() + " " + response.body());
				}
			}
			Arrays.sort(nanos);
			int results = body.split("\"displayName\"", -1).length - 1;
			System.out.printf("%-24s %8s %10.1f %10.1f%n", q, results == 20 ? "20+" : results,
					nanos[REQUESTS / 2] / 1e6, nanos[(int) Math.ceil(REQUESTS * 0.99) - 1] / 1e6);
		}
	}

}

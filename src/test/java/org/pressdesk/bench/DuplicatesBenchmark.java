package org.pressdesk.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Arrays;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Duplicate suggestions on the benchmark directory ({@link BenchDirectory}): the first
 * {@code GET /api/v1/duplicates} after the index is built works every pair out from
 * scratch; later ones answer from what was worked out, until the directory changes. Not a
 * test: run it by hand, see the README.
 */
public final class DuplicatesBenchmark {

	private static final int REQUESTS = Integer.getInteger("bench.requests", 200);

	private DuplicatesBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		try (ConfigurableApplicationContext service = BenchDirectory.start()) {
			int port = BenchDirectory.port(service);
			HttpClient client = HttpClient.newHttpClient();
			HttpRequest firstPage = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/duplicates"))
				.header("Authorization", BenchDirectory.authorization())
				.build();
			long started = System.nanoTime();
			HttpResponse<String> first = client.send(firstPage, BodyHandlers.ofString());
			double fromScratch = (System.nanoTime() - started) / 1e6;
			if (first.statusCode() != 200) {
				throw new IllegalStateException("GET /api/v1/duplicates answered " + first.statusCode());
			}
			// a service that has served for a while: the code paths compiled first
			for (int i = 0; i < 200; i++) {
				client.send(firstPage, BodyHandlers.ofString());
			}
			long[] times = new long[REQUESTS];
			for (int i = 0; i < REQUESTS; i++) {
				long start = System.nanoTime();
				client.send(firstPage, BodyHandlers.ofString());
				times[i] = System.nanoTime() - start;
			}
			Arrays.sort(times);
			System.out.printf("%nDuplicate suggestions, %s%n",
					first.body().length() > 300 ? first.body().substring(0, 300) + "…" : first.body());
			System.out.printf("worked out from scratch (first page, %d items): %.0f ms%n",
					first.body().split("\"score\"", -1).length - 1, fromScratch);
			System.out.printf(
					"first page afterwards (after 200 to warm up), %d requests: median %.1f ms, p99 %.1f ms%n",
					REQUESTS, times[REQUESTS / 2] / 1e6, times[(int) (REQUESTS * 0.99)] / 1e6);
		}
	}

}

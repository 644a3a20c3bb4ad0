package org.pressdesk.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Requests sent by several clients at once, each as soon as its last was answered, for
 * some seconds: each request's latency (sorted) and how many were not answered as
 * expected.
 */
record Load(long[] nanos, long failures, int seconds) {

	/** One request; whether it was answered as expected. */
	interface Request {

		boolean send() throws Exception;

	}

	static Load run(int clients, int seconds, Request request) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(clients);
		AtomicLong failures = new AtomicLong();
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		List<Future<long[]>> each = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			each.add(threads.submit(() -> {
				long[] latencies = new long[1 << 12];
				int n = 0;
				while (System.nanoTime() < end) {
					long started = System.nanoTime();
					boolean answered = request.send();
					if (n == latencies.length) {
						latencies = Arrays.copyOf(latencies, n * 2);
					}
					latencies[n++] = System.nanoTime() - started;
					if (!answered) {
						failures.incrementAndGet();
					}
				}
				return Arrays.copyOf(latencies, n);
			}));
		}
		List<long[]> all = new ArrayList<>();
		for (Future<long[]> latencies : each) {
			all.add(latencies.get());
		}
		threads.shutdown();
		return new Load(all.stream().flatMapToLong(Arrays::stream).sorted().toArray(), failures.get(), seconds);
	}

	int requests() {
		return nanos.length;
	}

	double perSecond() {
		return nanos.length / (double) seconds;
	}

	double p50Millis() {
		return nanos[nanos.length / 2] / 1e6;
	}

	double p99Millis() {
		return nanos[(int) (nanos.length * 0.99)] / 1e6;
	}

}

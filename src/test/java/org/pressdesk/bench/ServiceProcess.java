package org.pressdesk.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.pressdesk.PressdeskApplication;
import org.pressdesk.database.FreePort;

/**
 * The service in a JVM of its own with a capped heap ({@code -Xmx}), on the benchmark
 * directory: what is measured is the service, not the benchmark that drives it. Its heap
 * is watched with {@code jstat}.
 */
final class ServiceProcess implements AutoCloseable {

	private final Process process;

	private final int port;

	private final Process jstat;

	private final AtomicLong peakKilobytes = new AtomicLong();

	private final AtomicLong lastKilobytes = new AtomicLong();

	private ServiceProcess(Process process, int port) throws IOException {
		this.process = process;
		this.port = port;
		this.jstat = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstat").toString(), "-gc",
				Long.toString(process.pid()), "100")
			.redirectErrorStream(true)
			.start();
		Thread reader = new Thread(this::readHeap, "jstat");
		reader.setDaemon(true);
		reader.start();
	}

	/**
	 * Starts the service with at most {@code heap} of heap (e.g. "256m") and these
	 * settings besides the benchmark directory's, and waits for it.
	 */
	static ServiceProcess start(String heap, String... settings) throws Exception {
		int port = FreePort.pick();
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap));
		// e.g. -Dbench.serviceOptions=-XX:StartFlightRecording=filename=/tmp/service.jfr
		String options = System.getProperty("bench.serviceOptions", "").strip();
		if (!options.isEmpty()) {
			command.addAll(List.of(options.split("\\s+")));
		}
		command.addAll(List.of("-cp", classpath(), PressdeskApplication.class.getName()));
		command.addAll(BenchDirectory.arguments(port));
		command.addAll(List.of(settings));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(Path.of("target", "bench-service-" + heap + ".log").toFile())
			.start();
		ServiceProcess service = new ServiceProcess(process, port);
		HttpClient client = HttpClient.newHttpClient();
		for (int second = 0; second < 300; second++) {
			if (!process.isAlive()) {
				throw new IllegalStateException("the service stopped; see target/bench-service-" + heap + ".log");
			}
			try {
				var health = client.send(
						HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
						BodyHandlers.ofString());
				if (health.statusCode() == 200) {
					// e.g. until the index built at start has been merged in the
					// background
					Thread.sleep(Long.getLong("bench.settleMillis", 0));
					return service;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(1000);
		}
		service.close();
		throw new IllegalStateException("the service did not start within 5 minutes");
	}

	/**
	 * Waits until the service has finished what it does after start (merging the search
	 * index built then): less than 5 % of a core used in a second.
	 */
	void awaitIdle() throws InterruptedException {
		awaitIdle(process.toHandle());
	}

	/** {@link #awaitIdle()} for any server, this JVM too. */
	static void awaitIdle(ProcessHandle server) throws InterruptedException {
		for (int second = 0; second < 300; second++) {
			Duration before = cpu(server);
			Thread.sleep(1000);
			if (cpu(server).minus(before).toMillis() < 50) {
				return;
			}
		}
	}

	/**
	 * The CPU time a server has used so far, its child processes included (the embedded
	 * database; nginx's workers).
	 */
	static Duration cpu(ProcessHandle server) {
		return Stream.concat(Stream.of(server), server.descendants())
			.map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
			.reduce(Duration.ZERO, Duration::plus);
	}

	ProcessHandle process() {
		return process.toHandle();
	}

	int port() {
		return port;
	}

	/** Forgets the peak so far: the next one is measured from the heap in use now. */
	void resetPeak() {
		peakKilobytes.set(lastKilobytes.get());
	}

	long peakMegabytes() {
		return peakKilobytes.get() / 1024;
	}

	@Override
	public void close() throws InterruptedException {
		jstat.destroy();
		process.destroy();
		process.waitFor();
	}

	/**
	 * jstat -gc prints S0C S1C S0U S1U EC EU OC OU …: the heap in use is S0U+S1U+EU+OU.
	 */
	private void readHeap() {
		try (var lines = new BufferedReader(new InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8))) {
			List<String> header = null;
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				List<String> columns = List.of(line.strip().split("\\s+"));
				if (columns.contains("EU")) {
					header = columns;
					continue;
				}
				if (header == null || columns.size() != header.size()) {
					continue;
				}
				double used = 0;
				for (String name : List.of("S0U", "S1U", "EU", "OU")) {
					used += Double.parseDouble(columns.get(header.indexOf(name)));
				}
				lastKilobytes.set((long) used);
				peakKilobytes.accumulateAndGet((long) used, Math::max);
			}
		}
		catch (IOException | NumberFormatException ended) {
			// the service stopped
		}
	}

	/**
	 * The classes the benchmark runs with (exec:java loads them in a class loader of its
	 * own).
	 */
	private static String classpath() throws URISyntaxException {
		Set<String> entries = new LinkedHashSet<>();
		for (ClassLoader loader = Thread.currentThread().getContextClassLoader(); loader != null; loader = loader
			.getParent()) {
			if (loader instanceof URLClassLoader urls) {
				for (URL url : urls.getURLs()) {
					entries.add(Path.of(url.toURI()).toString());
				}
			}
		}
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			if (!entry.isBlank()) {
				entries.add(entry);
			}
		}
		return String.join(File.pathSeparator, entries);
	}

}

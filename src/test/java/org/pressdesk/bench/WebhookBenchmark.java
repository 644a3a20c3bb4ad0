package org.pressdesk.bench;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import org.jooq.DSLContext;

import org.pressdesk.db.Tables;
import org.pressdesk.person.People;
import org.pressdesk.person.Person;
import org.pressdesk.person.PersonInput;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Webhooks on the benchmark directory ({@link BenchDirectory}), to a receiver on loopback
 * in this JVM: first a burst of person edits as fast as two writers go, timed until every
 * event is delivered (events per second); then a steady load of edits, each event's delay
 * from the edit's answer (its commit is before it) to its arrival at the receiver
 * (median, p99). Not a test: run it by hand, see the README.
 */
public final class WebhookBenchmark {

	private static final int BURST = Integer.getInteger("bench.burst", 2_000);

	private static final int STEADY_PER_SECOND = Integer.getInteger("bench.rate", 50);

	private static final int STEADY_SECONDS = Integer.getInteger("bench.seconds", 20);

	private static final Pattern PERSON = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

	private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\":\"([^\"]+)\"");

	/** An event's arrival: when, and how long after the change was written. */
	private record Arrival(long nanos, long delayMicros) {
	}

	private WebhookBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, Arrival> arrived = new ConcurrentHashMap<>();
		HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/hook", exchange -> {
			long at = System.nanoTime();
			Instant now = Instant.now();
			try (InputStream body = exchange.getRequestBody()) {
				String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
				Matcher person = PERSON.matcher(text);
				Matcher timestamp = TIMESTAMP.matcher(text);
				if (person.find() && timestamp.find()) {
					arrived.putIfAbsent(person.group(1),
							new Arrival(at, ChronoUnit.MICROS.between(Instant.parse(timestamp.group(1)), now)));
				}
			}
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		receiver.setExecutor(Executors.newFixedThreadPool(8));
		receiver.start();
		try (ConfigurableApplicationContext service = BenchDirectory
			.start("--pressdesk.webhooks.allow-private-networks=true")) {
			int port = BenchDirectory.port(service);
			HttpClient client = HttpClient.newHttpClient();
			String hook = send(client, port, "POST", "/api/v1/webhooks",
					"{\"url\": \"http://127.0.0.1:" + receiver.getAddress().getPort()
							+ "/hook\", \"events\": [\"person.updated\"], \"description\": \"benchmark\"}");
			String hookId = hook.replaceAll("^.*?\"id\":\"([^\"]+)\".*$", "$1");
			List<String> people = service.getBean(DSLContext.class)
				.select(Tables.PERSON.ID)
				.from(Tables.PERSON)
				.orderBy(Tables.PERSON.ID)
				.limit(BURST + STEADY_PER_SECOND * STEADY_SECONDS)
				.fetch(Tables.PERSON.ID);

			// a burst: 2,000 people changed in one transaction, as an import changes
			// them; how
			// many events a second go out
			People writer = service.getBean(People.class);
			List<String> burst = people.subList(0, BURST);
			long started = System.nanoTime();
			service.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
				Map<String, Person> locked = writer.lockAll(burst);
				writer.replaceAll(burst.stream().map(locked::get).map(person -> {
					PersonInput was = person.toInput();
					return new People.Replacement(person,
							writer.check(new PersonInput(was.name(), was.pronouns(), was.linkedinUrl(), was.emails(),
									was.phones(), was.topics(), "benchmark " + started, was.lawfulBasis(),
									was.source())));
				}).toList());
			});
			double written = (System.nanoTime() - started) / 1e9;
			while (!arrived.keySet().containsAll(burst)) {
				Thread.sleep(10);
			}
			double delivered = (System.nanoTime() - started) / 1e9;
			System.out.printf(
					"%nBurst: %,d people changed in one transaction in %.1f s; all %,d events delivered "
							+ "%.1f s after the start: %.0f events/s%n",
					BURST, written, BURST, delivered, BURST / (delivered - written));

			// a steady load of edits through the API: the delay from each change's
			// writing
			// (its event's timestamp, taken in its transaction) to the event's arrival
			List<String> steady = people.subList(BURST, people.size());
			ExecutorService paced = Executors.newFixedThreadPool(4);
			long interval = 1_000_000_000L / STEADY_PER_SECOND;
			long start = System.nanoTime();
			for (int i = 0; i < steady.size(); i++) {
				long due = start + i * interval;
				while (System.nanoTime() < due) {
					Thread.onSpinWait();
				}
				String id = steady.get(i);
				paced.execute(() -> edit(client, port, id));
			}
			paced.shutdown();
			paced.awaitTermination(5, TimeUnit.MINUTES);
			while (!arrived.keySet().containsAll(steady)) {
				Thread.sleep(10);
			}
			long[] delays = steady.stream().mapToLong(id -> arrived.get(id).delayMicros()).sorted().toArray();
			System.out.printf(
					"Steady load, %d edits a second for %d s through the API: from the change's writing to "
							+ "its event's arrival median %.1f ms, p99 %.1f ms, slowest %.1f ms%n",
					STEADY_PER_SECOND, STEADY_SECONDS, delays[delays.length / 2] / 1e3,
					delays[(int) (delays.length * 0.99)] / 1e3, delays[delays.length - 1] / 1e3);
			send(client, port, "DELETE", "/api/v1/webhooks/" + hookId, null);
		}
		finally {
			receiver.stop(0);
		}
	}

	private static void edit(HttpClient client, int port, String personId) {
		try {
			send(client, port, "PATCH", "/api/v1/people/" + personId,
					"{\"pronouns\": \"" + (System.nanoTime() % 2 == 0 ? "she/her" : "they/them") + "\"}");
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String send(HttpClient client, int port, String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Authorization", BenchDirectory.authorization())
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		HttpResponse<String> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (answer.statusCode() >= 300) {
			throw new IllegalStateException(
					method + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
		}
		return answer.body();
	}

}

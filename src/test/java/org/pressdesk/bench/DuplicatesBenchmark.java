package org.pressdesk.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.jooq.DSLContext;

import org.pressdesk.db.Tables;
import org.pressdesk.person.NewPerson;
import org.pressdesk.person.People;
import org.pressdesk.person.Person;
import org.pressdesk.person.PersonInput;
import org.pressdesk.person.PersonRepository;
import org.pressdesk.system.Ids;
import org.pressdesk.text.Folding;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Duplicate suggestions on the benchmark directory ({@link BenchDirectory}), with
 * {@value #SECOND_RECORDS} second records of people added to it once (their email in
 * capitals, their name without accents, a phone of their own, as a colleague's media list
 * would have them): the first {@code GET /api/v1/duplicates} after they are indexed works
 * every pair out from scratch; later ones answer from what was worked out, until the
 * directory changes. Then a few pairs are merged and the merges undone (the directory is
 * left as it was). Not a test: run it by hand, see the README.
 */
public final class DuplicatesBenchmark {

	private static final int REQUESTS = Integer.getInteger("bench.requests", 200);

	static final int SECOND_RECORDS = 2_000;

	private static final int MERGES = 20;

	private static final String SOURCE = "benchmark second record";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private DuplicatesBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		try (ConfigurableApplicationContext service = BenchDirectory.start()) {
			int port = BenchDirectory.port(service);
			HttpClient client = HttpClient.newHttpClient();
			String lastEmail = addSecondRecords(service);
			// the search index follows the change log: wait until it holds the last one
			while (JSON.readTree(get(client, port, "/api/v1/people?q=" + lastEmail)).get("items").size() < 2) {
				Thread.sleep(200);
			}
			long started = System.nanoTime();
			String first = get(client, port, "/api/v1/duplicates");
			double fromScratch = (System.nanoTime() - started) / 1e6;
			int pairs = count(client, port);
			// a service that has served for a while: the code paths compiled first
			for (int i = 0; i < 200; i++) {
				get(client, port, "/api/v1/duplicates");
			}
			long[] times = new long[REQUESTS];
			for (int i = 0; i < REQUESTS; i++) {
				long start = System.nanoTime();
				get(client, port, "/api/v1/duplicates");
				times[i] = System.nanoTime() - start;
			}
			Arrays.sort(times);
			System.out.printf("%nDuplicate suggestions, %s%n",
					first.length() > 300 ? first.substring(0, 300) + "…" : first);
			System.out.printf("%,d pairs suggested; worked out from scratch (first page): %.0f ms%n", pairs,
					fromScratch);
			System.out.printf(
					"first page afterwards (after 200 to warm up), %d requests: median %.1f ms, p99 %.1f ms%n",
					REQUESTS, times[REQUESTS / 2] / 1e6, times[(int) (REQUESTS * 0.99)] / 1e6);
			mergeAndUndo(client, port, JSON.readTree(first).get("items"));
		}
	}

	/**
	 * Adds the second records once, as an import would write them; the email of the last
	 * one.
	 */
	private static String addSecondRecords(ConfigurableApplicationContext service) {
		DSLContext db = service.getBean(DSLContext.class);
		People people = service.getBean(People.class);
		PersonRepository repository = service.getBean(PersonRepository.class);
		List<String> firstRecords = db.select(Tables.PERSON.ID)
			.from(Tables.PERSON)
			.where(Tables.PERSON.SOURCE.eq("benchmark"))
			.orderBy(Tables.PERSON.ID)
			.limit(SECOND_RECORDS)
			.fetch(Tables.PERSON.ID);
		if (db.fetchCount(Tables.PERSON, Tables.PERSON.SOURCE.eq(SOURCE)) == 0) {
			List<NewPerson> seconds = new ArrayList<>();
			for (int i = 0; i < firstRecords.size(); i++) {
				Person person = repository.get(firstRecords.get(i));
				PersonInput was = person.toInput();
				PersonInput.Name name = new PersonInput.Name(null, Folding.fold(was.name().givenName()), null,
						Folding.fold(was.name().familyName()), null, null, null, null, null);
				seconds.add(new NewPerson(Ids.newId(),
						people.check(new PersonInput(name, null, null,
								List.of(new PersonInput.EmailInput(was.emails().get(0).value().toUpperCase(Locale.ROOT),
										null, null, true)),
								List.of(new PersonInput.PhoneInput(String.format("07700 91%04d", i), null, "mobile",
										null, true)),
								List.of(), null, null, SOURCE)),
						List.of()));
			}
			service.getBean(TransactionTemplate.class).executeWithoutResult(status -> people.createAll(seconds));
			System.out.printf("Added %,d second records of people%n", seconds.size());
		}
		return repository.get(firstRecords.get(firstRecords.size() - 1)).emails().get(0).value();
	}

	/** Merges the first pairs and undoes the merges, timing both. */
	private static void mergeAndUndo(HttpClient client, int port, JsonNode pairs) throws Exception {
		List<String> merges = new ArrayList<>();
		long[] merging = new long[Math.min(MERGES, pairs.size())];
		for (int i = 0; i < merging.length; i++) {
			JsonNode people = pairs.get(i).get("people");
			long start = System.nanoTime();
			HttpResponse<String> merged = send(client, port,
					"/api/v1/people/" + people.get(0).get("id").asString() + "/merge",
					"{\"from\": \"" + people.get(1).get("id").asString() + "\"}");
			merging[i] = System.nanoTime() - start;
			merges.add(JSON.readTree(merged.body()).get("merge").get("id").asString());
		}
		long[] undoing = new long[merges.size()];
		for (int i = 0; i < undoing.length; i++) {
			long start = System.nanoTime();
			send(client, port, "/api/v1/merges/" + merges.get(i) + "/undo", "");
			undoing[i] = System.nanoTime() - start;
		}
		Arrays.sort(merging);
		Arrays.sort(undoing);
		System.out.printf("%d merges: median %.1f ms, slowest %.1f ms; their undos: median %.1f ms, slowest %.1f ms%n",
				merging.length, merging[merging.length / 2] / 1e6, merging[merging.length - 1] / 1e6,
				undoing[undoing.length / 2] / 1e6, undoing[undoing.length - 1] / 1e6);
	}

	private static int count(HttpClient client, int port) throws Exception {
		int pairs = 0;
		String cursor = null;
		do {
			JsonNode page = JSON.readTree(
					get(client, port, "/api/v1/duplicates?limit=100" + (cursor == null ? "" : "&cursor=" + cursor)));
			pairs += page.get("items").size();
			cursor = page.get("next").isNull() ? null : page.get("next").asString();
		}
		while (cursor != null);
		return pairs;
	}

	private static String get(HttpClient client, int port, String path) throws Exception {
		HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Authorization", BenchDirectory.authorization())
			.build(), BodyHandlers.ofString());
		if (answer.statusCode() != 200) {
			throw new IllegalStateException("GET " + path + " answered " + answer.statusCode() + ": " + answer.body());
		}
		return answer.body();
	}

	private static HttpResponse<String> send(HttpClient client, int port, String path, String body) throws Exception {
		HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Authorization", BenchDirectory.authorization())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), BodyHandlers.ofString());
		if (answer.statusCode() != 200) {
			throw new IllegalStateException("POST " + path + " answered " + answer.statusCode() + ": " + answer.body());
		}
		return answer;
	}

}

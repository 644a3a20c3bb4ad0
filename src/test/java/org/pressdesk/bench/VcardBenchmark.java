package org.pressdesk.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import ezvcard.VCard;
import ezvcard.io.text.VCardWriter;

import org.pressdesk.exchange.Audience;
import org.pressdesk.exchange.CardFiles;
import org.pressdesk.exchange.CardFormat;
import org.pressdesk.exchange.PersonCards;
import org.pressdesk.organisation.OrganisationRepository;
import org.pressdesk.person.PersonSearch;
import org.pressdesk.text.LinkedIn;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * vCard export and import on the benchmark directory ({@link BenchDirectory}): the whole
 * directory as one .vcf over HTTP, next to ez-vcard writing the same cards from memory;
 * then a 10,000-card file imported (as a dry run, so the directory stays as it is: the
 * same work, rolled back). Prints cards per second and the peak heap of the service's
 * JVM. Not a test.
 */
public final class VcardBenchmark {

	private static final int IMPORT_CARDS = Integer.getInteger("bench.importCards", 10_000);

	private static final int RUNS = Integer.getInteger("bench.runs", 3);

	private VcardBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		try (ConfigurableApplicationContext service = BenchDirectory.start()) {
			int port = BenchDirectory.port(service);
			HttpClient client = HttpClient.newHttpClient();
			HeapWatch heap = new HeapWatch();

			// each side is timed a few times and its best run counts, so a collection of
			// the other's garbage or a cold JIT does not decide the ratio
			String firstCards = null;
			double exportSeconds = Double.MAX_VALUE;
			for (int run = 1; run <= RUNS; run++) {
				heap.reset();
				long started = System.nanoTime();
				Export export = export(client, port);
				double seconds = (System.nanoTime() - started) / 1e9;
				System.out.printf(
						"%nExport over HTTP, run %d: %,d cards (%,d MB) in %.1f s = %,.0f cards/s, peak heap %,d MB%n",
						run, export.cards(), export.bytes() / 1_000_000, seconds, export.cards() / seconds,
						heap.peakMegabytes());
				exportSeconds = Math.min(exportSeconds, seconds);
				firstCards = export.firstCards();
			}

			List<VCard> cards = cardsInMemory(service);
			double writeSeconds = Double.MAX_VALUE;
			for (int run = 1; run <= RUNS; run++) {
				long writeStarted = System.nanoTime();
				VCardWriter writer = CardFiles.writer(Writer.nullWriter(), CardFormat.VCARD_3);
				cards.forEach(card -> CardFiles.write(writer, card));
				writer.flush();
				double seconds = (System.nanoTime() - writeStarted) / 1e9;
				System.out.printf("ez-vcard writing the same %,d cards from memory, run %d: %.1f s = %,.0f cards/s%n",
						cards.size(), run, seconds, cards.size() / seconds);
				writeSeconds = Math.min(writeSeconds, seconds);
			}
			System.out.printf(
					"Best export %.1f s, best in-memory write %.1f s: export speed / in-memory speed = %.2f%n",
					exportSeconds, writeSeconds, writeSeconds / exportSeconds);
			cards = null;

			String file = importFile(firstCards);
			heap.reset();
			long importStarted = System.nanoTime();
			var imported = client.send(request(port, "/api/v1/imports?dryRun=true").header("Content-Type", "text/vcard")
				.POST(HttpRequest.BodyPublishers.ofString(file, StandardCharsets.UTF_8))
				.build(), BodyHandlers.ofString());
			double importSeconds = (System.nanoTime() - importStarted) / 1e9;
			String report = imported.body();
			System.out.printf("Import (dry run) of %,d cards: HTTP %d in %.1f s = %,.0f cards/s, peak heap %,d MB%n",
					IMPORT_CARDS, imported.statusCode(), importSeconds, IMPORT_CARDS / importSeconds,
					heap.peakMegabytes());
			System.out.println("  report: " + report.substring(0, Math.min(120, report.length())) + "…");
		}
	}

	private record Export(int cards, long bytes, String firstCards) {
	}

	/**
	 * The whole directory as one .vcf over HTTP. The client keeps only the first cards
	 * (for the import below), so the heap measured is the service's.
	 */
	private static Export export(HttpClient client, int port) throws Exception {
		var response = client.send(request(port, "/api/v1/people/export?format=vcard").GET().build(),
				BodyHandlers.ofInputStream());
		StringBuilder firstCards = new StringBuilder();
		int cards = 0;
		long bytes = 0;
		try (var lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				bytes += line.length() + 2;
				if (cards < IMPORT_CARDS) {
					firstCards.append(line).append("\r\n");
				}
				if (line.equals("END:VCARD")) {
					cards++;
				}
			}
		}
		return new Export(cards, bytes, firstCards.toString());
	}

	/** Every person of the directory as a card, in memory. */
	private static List<VCard> cardsInMemory(ConfigurableApplicationContext service) {
		PersonSearch search = service.getBean(PersonSearch.class);
		OrganisationRepository organisations = service.getBean(OrganisationRepository.class);
		PersonCards personCards = service.getBean(PersonCards.class);
		List<VCard> cards = new ArrayList<>();
		LocalDate today = LocalDate.now();
		var names = organisations.namesFromTopOfAll();
		search.forEachBatch(null, null, null, 1000, batch -> batch.forEach(
				person -> cards.add(personCards.toCard(person, names, Audience.STAFF, CardFormat.VCARD_3, today))));
		return cards;
	}

	/**
	 * The first cards of the export made into new people: other email addresses, and no
	 * UID, phone or LinkedIn link (those would match people already there).
	 */
	private static String importFile(String exported) {
		return Arrays.stream(exported.split("(?<=END:VCARD\r\n)"))
			.map(card -> card.replace("@example.org", "@import-bench.example")
				.replaceAll("(?m)^(UID|TEL|URL|X-SOCIALPROFILE)[^\r]*\r\n( [^\r]*\r\n)*", ""))
			.collect(Collectors.joining());
	}

	private static HttpRequest.Builder request(int port, String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Authorization", BenchDirectory.authorization());
	}

	/** The most heap in use since the last reset, sampled every few milliseconds. */
	private static final class HeapWatch {

		private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

		private final AtomicLong peak = new AtomicLong();

		HeapWatch() {
			Thread sampler = new Thread(() -> {
				while (true) {
					peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
					try {
						Thread.sleep(5);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}, "heap-watch");
			sampler.setDaemon(true);
			sampler.start();
		}

		void reset() {
			System.gc();
			peak.set(memory.getHeapMemoryUsage().getUsed());
		}

		long peakMegabytes() {
			return peak.get() / (1024 * 1024);
		}

	}

}

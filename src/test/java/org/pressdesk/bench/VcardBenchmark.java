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

import org.pressdesk.organisation.OrganisationRepository;
import org.pressdesk.person.PersonSearch;
import org.pressdesk.vcard.Audience;
import org.pressdesk.vcard.CardFiles;
import org.pressdesk.vcard.CardFormat;
import org.pressdesk.vcard.PersonCards;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * vCard export and import on the benchmark directory ({@link BenchDirectory}): the whole
 * directory as one .vcf over HTTP, next to ez-vcard writing the same cards from memory; then a
 * 10,000-card file imported (as a dry run, so the directory stays as it is: the same work, rolled
 * back). Prints cards per second and the peak heap of the service's JVM. Not a test.
 */
public final class VcardBenchmark {

	private static final int IMPORT_CARDS = Integer.getInteger("bench.importCards", 10_000);

	private VcardBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		try (ConfigurableApplicationContext service = BenchDirectory.start()) {
			int port = BenchDirectory.port(service);
			HttpClient client = HttpClient.newHttpClient();
			HeapWatch heap = new HeapWatch();

			heap.reset();
			long started = System.nanoTime();
			var response = client.send(request(port, "/api/v1/people/export?format=vcard").GET().build(),
					BodyHandlers.ofInputStream());
			// the client keeps only the first cards (for the import below), so the heap is the service's
			StringBuilder firstCards = new StringBuilder();
			int exportedCards = 0;
			long exportedBytes = 0;
			try (var lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
				for (String line = lines.readLine(); line != null; line = lines.readLine()) {
					exportedBytes += line.length() + 2;
					if (exportedCards < IMPORT_CARDS) {
						firstCards.append(line).append("\r\n");
					}
					if (line.equals("END:VCARD")) {
						exportedCards++;
					}
				}
			}
			double exportSeconds = (System.nanoTime() - started) / 1e9;
			System.out.printf("%nExport over HTTP: %,d cards (%,d MB) in %.1f s = %,.0f cards/s, peak heap %,d MB%n",
					exportedCards, exportedBytes / 1_000_000, exportSeconds, exportedCards / exportSeconds,
					heap.peakMegabytes());

			List<VCard> cards = cardsInMemory(service);
			long writeStarted = System.nanoTime();
			VCardWriter writer = CardFiles.writer(Writer.nullWriter(), CardFormat.VCARD_3);
			cards.forEach(card -> CardFiles.write(writer, card));
			writer.flush();
			double writeSeconds = (System.nanoTime() - writeStarted) / 1e9;
			System.out.printf("ez-vcard writing the same %,d cards from memory: %.1f s = %,.0f cards/s%n", cards.size(),
					writeSeconds, cards.size() / writeSeconds);
			System.out.printf("Export speed / in-memory speed: %.2f%n", writeSeconds / exportSeconds);
			cards = null;

			String file = importFile(firstCards.toString());
			heap.reset();
			long importStarted = System.nanoTime();
			var imported = client.send(request(port, "/api/v1/imports?dryRun=true")
				.header("Content-Type", "text/vcard")
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

	/** Every person of the directory as a card, in memory. */
	private static List<VCard> cardsInMemory(ConfigurableApplicationContext service) {
		PersonSearch search = service.getBean(PersonSearch.class);
		OrganisationRepository organisations = service.getBean(OrganisationRepository.class);
		PersonCards personCards = service.getBean(PersonCards.class);
		List<VCard> cards = new ArrayList<>();
		LocalDate today = LocalDate.now();
		var names = organisations.namesFromTopOfAll();
		search.forEachBatch(null, null, null, 1000, batch -> batch
			.forEach(person -> cards.add(personCards.toCard(person, names, Audience.STAFF, CardFormat.VCARD_3, today))));
		return cards;
	}

	/**
	 * The first cards of the export made into new people: other email addresses, and no UID,
	 * phone or LinkedIn link (those would match people already there).
	 */
	private static String importFile(String exported) {
		return Arrays.stream(exported.split("(?<=END:VCARD\r\n)"))
			.map(card -> card.replace("@example.org", "@import-bench.example")
				.replaceAll("(?m)^(UID|TEL|item1\\.URL|X-SOCIALPROFILE)[^\r]*\r\n( [^\r]*\r\n)*", ""))
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

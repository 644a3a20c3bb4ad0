package org.pressdesk.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.io.text.VCardWriter;

import org.pressdesk.exchange.CardFiles;
import org.pressdesk.exchange.CardFormat;
import org.pressdesk.text.LinkedIn;

/**
 * vCard export and import on the benchmark directory ({@link BenchDirectory}), with the
 * service in a JVM of its own ({@link ServiceProcess}): the whole directory as one .vcf
 * over HTTP from a service capped at {@code -Xmx256m}, interleaved with ez-vcard writing
 * the same cards from memory in this JVM (round by round, so that both meet the same
 * machine); then a 10,000-card file imported as a dry run (the same work, rolled back) by
 * a service capped at {@code -Xmx512m}. Prints cards per second and the service's peak
 * heap. Not a test.
 */
public final class VcardBenchmark {

	private static final int IMPORT_CARDS = Integer.getInteger("bench.importCards", 10_000);

	private static final int RUNS = Integer.getInteger("bench.runs", 4);

	/**
	 * Rounds of both before those measured: the in-memory side alone runs twice as fast
	 * once its JIT has settled, and the ratio is meant for a service that is warm too.
	 */
	private static final int WARM_UPS = Integer.getInteger("bench.warmUps", 2);

	private static final int IMPORT_RUNS = Integer.getInteger("bench.importRuns", 3);

	/**
	 * What to measure: "export", "import" or both (the default); "import-matching" only
	 * the import of people already there.
	 */
	private static final String PARTS = System.getProperty("bench.parts", "export,import");

	private VcardBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		// seeded here the first time, then served by the capped service
		BenchDirectory.start().close();
		HttpClient client = HttpClient.newHttpClient();
		String firstCards;
		try (ServiceProcess service = ServiceProcess.start("256m")) {
			boolean measured = PARTS.contains("export");
			Export whole = export(client, service.port(), measured);
			firstCards = whole.firstCards();
			if (measured) {
				measureExport(client, service, Ezvcard.parse(whole.text()).all());
			}
		}
		if (!PARTS.contains("import")) {
			return;
		}
		if (!PARTS.contains("matching")) {
			importRuns(client, "new people", newPeople(firstCards));
		}
		importRuns(client, "people already there (matched by UID), each card adding a topic",
				changedPeople(firstCards));
	}

	/** The file imported as a dry run several times by a fresh service. */
	private static void importRuns(HttpClient client, String what, String file) throws Exception {
		try (ServiceProcess service = ServiceProcess.start("512m")) {
			System.out.printf("%nImport (dry run: the same work, rolled back) of %,d cards of %s, service at -Xmx512m, "
					+ "the first run in a fresh JVM:%n", IMPORT_CARDS, what);
			for (int run = 1; run <= IMPORT_RUNS; run++) {
				service.resetPeak();
				long started = System.nanoTime();
				var imported = client
					.send(request(service.port(), "/api/v1/imports?dryRun=true").header("Content-Type", "text/vcard")
						.POST(HttpRequest.BodyPublishers.ofString(file, StandardCharsets.UTF_8))
						.build(), BodyHandlers.ofString());
				double seconds = (System.nanoTime() - started) / 1e9;
				String report = imported.body();
				if (imported.statusCode() != 200 || !report.contains("\"errors\":[]")) {
					throw new IllegalStateException(
							"the import failed: " + imported.statusCode() + " " + report.substring(0, 300));
				}
				System.out.printf("  run %d: %.1f s = %,.0f cards/s, service peak heap %,d MB (%s)%n", run, seconds,
						IMPORT_CARDS / seconds, service.peakMegabytes(),
						report.substring(0, report.indexOf(",\"people\"")));
			}
		}
	}

	/**
	 * The export of the whole directory against ez-vcard writing the same cards from
	 * memory, round by round.
	 */
	private static void measureExport(HttpClient client, ServiceProcess service, List<VCard> cards) throws Exception {
		System.out.printf("%nExport (service at -Xmx256m) and ez-vcard writing the same %,d cards from memory, "
				+ "interleaved:%n", cards.size());
		List<Double> exports = new ArrayList<>();
		List<Double> writes = new ArrayList<>();
		for (int run = 1 - WARM_UPS; run <= RUNS; run++) {
			service.resetPeak();
			long started = System.nanoTime();
			Export export = export(client, service.port(), false);
			double exportSeconds = (System.nanoTime() - started) / 1e9;
			long peak = service.peakMegabytes();
			started = System.nanoTime();
			VCardWriter writer = CardFiles.writer(Writer.nullWriter(), CardFormat.VCARD_3);
			cards.forEach(card -> CardFiles.write(writer, card));
			writer.flush();
			double writeSeconds = (System.nanoTime() - started) / 1e9;
			if (run < 1) {
				System.out.printf("  warm-up: export %.2f s, in memory %.2f s%n", exportSeconds, writeSeconds);
				continue;
			}
			System.out.printf(
					"  run %d: export %,d cards in %.2f s = %,.0f cards/s (service peak heap %,d MB); "
							+ "in memory %.2f s = %,.0f cards/s; ratio %.2f%n",
					run, export.cards(), exportSeconds, export.cards() / exportSeconds, peak, writeSeconds,
					cards.size() / writeSeconds, writeSeconds / exportSeconds);
			exports.add(exportSeconds);
			writes.add(writeSeconds);
		}
		System.out.printf(
				"Median export %.2f s, median in-memory write %.2f s: export speed / in-memory speed " + "= %.2f%n",
				median(exports), median(writes), median(writes) / median(exports));
	}

	private static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	/**
	 * The cards and bytes of an export, its first cards (for the import) and, if kept,
	 * all of it.
	 */
	private record Export(int cards, long bytes, String firstCards, String text) {
	}

	/**
	 * The whole directory as one .vcf over HTTP. Only the first cards are kept (for the
	 * import), and the whole text when asked.
	 */
	private static Export export(HttpClient client, int port, boolean keep) throws Exception {
		var response = client.send(request(port, "/api/v1/people/export?format=vcard").GET().build(),
				BodyHandlers.ofInputStream());
		StringBuilder firstCards = new StringBuilder();
		StringBuilder text = new StringBuilder();
		int cards = 0;
		long bytes = 0;
		try (var lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				bytes += line.length() + 2;
				if (cards < IMPORT_CARDS) {
					firstCards.append(line).append("\r\n");
				}
				if (keep) {
					text.append(line).append("\r\n");
				}
				if (line.equals("END:VCARD")) {
					cards++;
				}
			}
		}
		return new Export(cards, bytes, firstCards.toString(), text.toString());
	}

	/**
	 * The first cards of the export made into new people: other email addresses, and no
	 * UID, phone or LinkedIn link (those would match people already there).
	 */
	private static String newPeople(String exported) {
		return Arrays.stream(exported.split("(?<=END:VCARD\r\n)"))
			.map(card -> card.replace("@example.org", "@import-bench.example")
				.replaceAll("(?m)^(UID|TEL|URL|X-SOCIALPROFILE)[^\r]*\r\n( [^\r]*\r\n)*", ""))
			.collect(Collectors.joining());
	}

	/**
	 * The first cards of the export, each with one more topic, and without phones (the
	 * benchmark's people share a few numbers, and a card matching several people is
	 * skipped).
	 */
	private static String changedPeople(String exported) {
		return exported.replaceAll("(?m)^TEL[^\r]*\r\n", "")
			.replaceAll("(?m)^END:VCARD\r\n", "CATEGORIES:imported again\r\nEND:VCARD\r\n");
	}

	private static HttpRequest.Builder request(int port, String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Authorization", BenchDirectory.authorization());
	}

}

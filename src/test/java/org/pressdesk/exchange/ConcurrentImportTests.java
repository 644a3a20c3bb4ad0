package org.pressdesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.pressdesk.ApiTestSupport;
import org.pressdesk.Http;
import org.pressdesk.Http.Response;

class ConcurrentImportTests extends ApiTestSupport {

	@Test
	void overlappingImportsAtTheSameTimeCreateEachPersonAndOrganisationOnce() throws Exception {
		String tag = unique("conc");
		// four files of 50 cards, each sharing half its people with the next: 125 people
		List<String> files = IntStream.range(0, 4)
			.mapToObj(file -> IntStream.range(file * 25, file * 25 + 50)
				.mapToObj(n -> VcardImportTests.card("Person " + n + " " + tag, "N:" + tag + ";Person " + n + ";;;",
						"EMAIL:p" + n + "." + tag + "@example.org", "ORG:Concurrent Org " + tag))
				.reduce("", String::concat))
			.toList();
		CyclicBarrier start = new CyclicBarrier(files.size());
		ExecutorService threads = Executors.newFixedThreadPool(files.size());
		List<Future<Response>> imports = new ArrayList<>();
		for (String file : files) {
			imports.add(threads.submit(() -> {
				start.await();
				return editor.send("POST", "/api/v1/imports", "text/vcard", file);
			}));
		}
		int created = 0;
		for (Future<Response> response : imports) {
			assertThat(response.get().status()).as(response.get().body()).isEqualTo(200);
			created += response.get().number("$.created");
		}
		threads.shutdown();

		String[] rows = viewer.get("/api/v1/people/export?format=csv&q=" + tag).body().split("\r\n");
		List<String> emails = Arrays.stream(rows)
			.skip(1)
			.map(row -> row.replaceAll(".*?(p\\d+\\.\\S+?@example\\.org).*", "$1"))
			.toList();
		assertThat(emails).as("one person per email").hasSize(125).doesNotHaveDuplicates();
		assertThat(created).as("the reports say the same").isEqualTo(125);
		assertThat(viewer.get("/api/v1/organisations?q=" + Http.query("Concurrent Org " + tag)).json().get("items"))
			.as("one organisation of that name")
			.hasSize(1);
	}

}

package org.pressdesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;

import org.pressdesk.ApiTestSupport;
import org.pressdesk.Http;
import org.pressdesk.Http.Response;
import org.pressdesk.organisation.OrganisationInput;
import org.pressdesk.organisation.Organisations;
import org.pressdesk.person.People;
import org.pressdesk.person.PersonInput;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

class ConcurrentImportTests extends ApiTestSupport {

	@Autowired
	People people;

	@Autowired
	Organisations organisations;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JsonMapper json;

	@Autowired
	DataSource dataSource;

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

	/**
	 * A person and an organisation created (through the service the API and pages use)
	 * while an import of the same email and organisation name starts: the import waits
	 * until they are committed and then matches them, instead of creating both again.
	 */
	@Test
	void anImportStartedWhileACreateIsInFlightWaitsForItAndMatchesWhatItCreated() throws Exception {
		String tag = unique("race");
		String email = "race." + tag + "@example.org";
		String organisation = "Race Org " + tag;
		ExecutorService thread = Executors.newSingleThreadExecutor();
		Future<Response> importing = transaction.execute(status -> {
			organisations.create(new OrganisationInput(organisation, null, null, null, null, null, null));
			people.create(json.readValue("""
					{"givenName": "Rae", "familyName": "Race%s", "emails": [ { "value": "%s" } ]}
					""".formatted(tag, email), PersonInput.class));
			Future<Response> started = thread.submit(() -> editor.send("POST", "/api/v1/imports", "text/vcard",
					VcardImportTests.card("Rae Race" + tag, "N:Race" + tag + ";Rae;;;", "EMAIL:" + email,
							"TITLE:Correspondent", "ORG:" + organisation)));
			awaitImportWaitingOrDone(started);
			return started;
		});
		Response report = importing.get(30, TimeUnit.SECONDS);
		thread.shutdown();

		assertThat(report.status()).as(report.body()).isEqualTo(200);
		assertThat(report.number("$.created")).as("the import matched the person: " + report.body()).isZero();
		assertThat(report.number("$.updated")).isEqualTo(1);
		assertThat(viewer.get("/api/v1/people/export?format=csv&q=" + tag).body().split("\r\n"))
			.as("one person with that email (and the header)")
			.hasSize(2);
		assertThat(viewer.get("/api/v1/organisations?q=" + Http.query(organisation)).json().get("items"))
			.as("one organisation of that name")
			.hasSize(1);
	}

	/**
	 * Until the import has been waiting on the import lock for a while (its statement is
	 * still running 100 ms later; no PROCESS privilege is needed to see one's own), or
	 * has finished (as it did when it did not wait).
	 */
	private void awaitImportWaitingOrDone(Future<Response> importing) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		int seenWaiting = 0;
		while (!importing.isDone() && System.nanoTime() < deadline && seenWaiting < 2) {
			boolean waiting = jdbc.queryForObject("select count(*) from information_schema.processlist"
					+ " where info like '%import_lock%' and info like '%for update%'", Integer.class) > 0;
			seenWaiting = waiting ? seenWaiting + 1 : 0;
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

}

package org.pressdesk.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jooq.DSLContext;

import org.pressdesk.PressdeskApplication;
import org.pressdesk.db.Tables;
import org.pressdesk.organisation.Organisation;
import org.pressdesk.organisation.OrganisationInput;
import org.pressdesk.organisation.OrganisationKind;
import org.pressdesk.organisation.Organisations;
import org.pressdesk.person.AffiliationInput;
import org.pressdesk.person.LawfulBasis;
import org.pressdesk.person.NewPerson;
import org.pressdesk.person.People;
import org.pressdesk.person.PersonDraft;
import org.pressdesk.person.PersonInput;
import org.pressdesk.person.PersonInput.EmailInput;
import org.pressdesk.person.PersonInput.PhoneInput;
import org.pressdesk.person.PersonSearch;
import org.pressdesk.person.PhoneKind;
import org.pressdesk.person.Visibility;
import org.pressdesk.system.Ids;
import org.pressdesk.text.Folding;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The benchmark directory: the service on its embedded MariaDB under target/bench-data,
 * with 100,000 fictional people across 5,000 organisations, seeded through the service's
 * own use cases the first time (about 12 minutes on 2 cores) and kept for later runs.
 */
final class BenchDirectory {

	private static final int PEOPLE = Integer.getInteger("bench.people", 100_000);

	private static final int ORGANISATIONS = Integer.getInteger("bench.organisations", 5_000);

	static final String PASSWORD = "benchmark chief password";

	private static final String[] GIVEN = { "Jane", "John", "María", "José", "Zoë", "Chloé", "Søren", "Łucja", "Ana",
			"Pat", "Sam", "Hiroshi", "Aisha", "Olu", "Priya", "Ingrid", "François", "Grzegorz", "Siobhán", "Mateo" };

	private static final String[] FAMILY = { "Example", "López", "Núñez", "Smith", "Jones", "Müller", "García",
			"O'Brien", "Nguyen", "Kowalski", "Brontë", "Okafor", "Patel", "Yamada", "Dubois", "Rossi", "Jensen",
			"Fernández", "Walsh", "Ødegaard", "Placeholder", "Sample", "Fictional", "Doe" };

	private static final String[] FIELDS = { "Manufacturing", "Materials", "Policy", "Climate", "Energy", "Health",
			"Robotics", "Economics", "Law", "History", "Physics", "Chemistry", "Mathematics", "Engineering" };

	private static final String[] TITLES = { "Professor", "Director", "Head of Policy Links", "Press Officer", "Chair",
			"Research Fellow", "National Technology Adviser", "Correspondent", "Lecturer", "Chief Executive" };

	private static final String[] TOPICS = { "industrial policy", "advanced materials", "climate change",
			"public health", "artificial intelligence", "trade", "science diplomacy", "energy transition" };

	private BenchDirectory() {
	}

	/**
	 * Starts the service on the benchmark directory, seeding it first if needed.
	 * @param settings more command-line settings, such as
	 * {@code --pressdesk.public.rate-limit-per-minute=0}
	 */
	static ConfigurableApplicationContext start(String... settings) throws Exception {
		List<String> arguments = arguments(0);
		arguments.addAll(List.of(settings));
		ConfigurableApplicationContext service = new SpringApplicationBuilder(PressdeskApplication.class)
			.run(arguments.toArray(String[]::new));
		seed(service);
		// ready as a load balancer sees it: the search index read from the database
		PersonSearch search = service.getBean(PersonSearch.class);
		while (!search.indexStatus().built()) {
			Thread.sleep(100);
		}
		return service;
	}

	/**
	 * The service's settings for the benchmark directory: arguments, not default
	 * properties, as they must win over the environment (PRESSDESK_DATA_DIR, …).
	 */
	static List<String> arguments(int port) {
		Path dataDir = Path.of(System.getProperty("bench.dataDir", "target/bench-data"));
		return new ArrayList<>(List.of("--server.port=" + port, "--pressdesk.data-dir=" + dataDir,
				"--pressdesk.admin-password=" + PASSWORD, "--pressdesk.demo-data=false", "--logging.level.root=WARN",
				// measured as fast as it goes, not as fast as a client may go
				"--pressdesk.api.rate-limit-per-minute=0", "--pressdesk.pages.rate-limit-per-minute=0"));
	}

	static int port(ConfigurableApplicationContext service) {
		return ((WebServerApplicationContext) service).getWebServer().getPort();
	}

	static String authorization() {
		return "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	private static void seed(ConfigurableApplicationContext service) throws Exception {
		DSLContext db = service.getBean(DSLContext.class);
		int existing = db.fetchCount(Tables.PERSON);
		if (existing >= PEOPLE) {
			System.out.printf("Directory already seeded: %,d people, %,d organisations%n", existing,
					db.fetchCount(Tables.ORGANISATION));
			return;
		}
		Organisations organisations = service.getBean(Organisations.class);
		People people = service.getBean(People.class);
		TransactionTemplate transaction = service.getBean(TransactionTemplate.class);
		long started = System.nanoTime();

		// 500 top-level organisations with 9 sub-organisations each
		List<String> organisationIds = new ArrayList<>();
		transaction.executeWithoutResult(status -> {
			for (int top = 0; organisationIds.size() < ORGANISATIONS; top++) {
				Organisation parent = organisations.create(new OrganisationInput("University of " + place(top), null,
						null, OrganisationKind.UNIVERSITY, "GB", null, null));
				organisationIds.add(parent.id());
				for (int child = 0; child < 9 && organisationIds.size() < ORGANISATIONS; child++) {
					organisationIds.add(
							organisations
								.create(new OrganisationInput(
										"Institute of " + FIELDS[(top + child) % FIELDS.length] + " " + place(top),
										null, parent.id(), OrganisationKind.RESEARCH, "GB", null, null))
								.id());
				}
			}
		});
		System.out.printf("Seeded %,d organisations in %d s%n", organisationIds.size(),
				(System.nanoTime() - started) / 1_000_000_000);

		int threads = Integer.getInteger("bench.threads", 2);
		int batch = 500;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<?>> work = new ArrayList<>();
		for (int from = existing; from < PEOPLE; from += batch) {
			int start = from;
			int end = Math.min(PEOPLE, from + batch);
			work.add(pool.submit(() -> withRetries(() -> transaction.executeWithoutResult(status -> {
				// written as an import writes: checked, then 500 people in a few
				// statements
				List<NewPerson> batchOfPeople = new ArrayList<>();
				for (int i = start; i < end; i++) {
					Random random = new Random(i);
					PersonDraft draft = people.check(person(i, random));
					List<NewPerson.NewAffiliation> affiliations = new ArrayList<>();
					affiliations
						.add(new NewPerson.NewAffiliation(Ids.newId(),
								people.checkAffiliation(new AffiliationInput(
										organisationIds.get(random.nextInt(organisationIds.size())),
										TITLES[random.nextInt(TITLES.length)], null, null, LocalDate.of(2015, 1, 1),
										null, true))));
					if (random.nextInt(3) == 0) {
						affiliations.add(new NewPerson.NewAffiliation(Ids.newId(),
								people.checkAffiliation(new AffiliationInput(
										organisationIds.get(random.nextInt(organisationIds.size())),
										"Former " + TITLES[random.nextInt(TITLES.length)], null, null,
										LocalDate.of(2005, 1, 1), LocalDate.of(2014, 12, 31), false))));
					}
					batchOfPeople.add(new NewPerson(Ids.newId(), draft, affiliations));
				}
				people.createAll(batchOfPeople);
			}))));
		}
		for (int i = 0; i < work.size(); i++) {
			work.get(i).get();
			if ((i + 1) % 20 == 0) {
				System.out.printf("  %,d people…%n", existing + (i + 1) * batch);
			}
		}
		pool.shutdown();
		System.out.printf("Seeded %,d people in %d s%n", PEOPLE - existing,
				(System.nanoTime() - started) / 1_000_000_000);
	}

	/**
	 * Concurrent writers may deadlock now and then; the database rolls one back and we
	 * redo it.
	 */
	private static void withRetries(Runnable batch) {
		for (int attempt = 1;; attempt++) {
			try {
				batch.run();
				return;
			}
			catch (org.springframework.dao.PessimisticLockingFailureException ex) {
				if (attempt == 5) {
					throw ex;
				}
			}
		}
	}

	private static PersonInput person(int i, Random random) {
		String given = GIVEN[random.nextInt(GIVEN.length)];
		String family = FAMILY[random.nextInt(FAMILY.length)];
		String handle = Folding.fold(given + "." + family + "." + i).replaceAll("[^a-z0-9.]", "");
		PersonInput.Name name = new PersonInput.Name(random.nextInt(4) == 0 ? "Dr" : null, given, null, family, null,
				null, null, null, null);
		return new PersonInput(name, null,
				random.nextInt(2) == 0 ? "https://www.linkedin.com/in/" + handle.replace('.', '-') : null,
				List.of(new EmailInput(handle + "@example.org", "work", Visibility.PUBLIC, true)),
				List.of(new PhoneInput(String.format("+44 20 7946 %04d", random.nextInt(1000)), PhoneKind.VOICE, "work",
						Visibility.PUBLIC, true),
						new PhoneInput(String.format("07700 900%03d", random.nextInt(1000)), PhoneKind.MOBILE, "mobile",
								Visibility.INTERNAL, false)),
				List.of(TOPICS[random.nextInt(TOPICS.length)]), null, LawfulBasis.LEGITIMATE_INTEREST, "benchmark");
	}

	private static String place(int n) {
		String[] parts = { "North", "South", "East", "West", "Upper", "Lower", "Great", "Little", "New", "Old" };
		String[] towns = { "Exampleton", "Sampleford", "Placeholm", "Fictionbury", "Mockridge", "Testwick",
				"Dummingham", "Stubley", "Fakenham Parva", "Imaginarium", "Notreal", "Pretendon" };
		return parts[n % parts.length] + " " + towns[(n / parts.length) % towns.length] + " " + (n / 120 + 1);
	}

}

package org.pressdesk.demo;

import static org.pressdesk.db.Tables.ORGANISATION;
import static org.pressdesk.db.Tables.PERSON;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.pressdesk.article.Article;
import org.pressdesk.article.ArticleInput;
import org.pressdesk.article.ArticleStatus;
import org.pressdesk.article.Articles;
import org.pressdesk.article.ContactInput;
import org.pressdesk.article.ContactRole;
import org.pressdesk.database.EmbeddedMariaDb;
import org.pressdesk.organisation.Organisation;
import org.pressdesk.organisation.OrganisationInput;
import org.pressdesk.organisation.OrganisationKind;
import org.pressdesk.organisation.Organisations;
import org.pressdesk.person.AffiliationInput;
import org.pressdesk.person.People;
import org.pressdesk.person.Person;
import org.pressdesk.person.PersonInput;
import org.pressdesk.system.PressdeskSettings;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads a few clearly fictional organisations and people (example.org-style domains,
 * Ofcom's drama phone numbers) into an empty directory: by default only into the embedded
 * database, into an external one only when {@code PRESSDESK_DEMO_DATA=true} says so.
 */
@Component
@Order(2)
class DemoDirectory implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDirectory.class);

	private final PressdeskSettings settings;

	private final ObjectProvider<EmbeddedMariaDb> embedded;

	private final DSLContext db;

	private final Organisations organisations;

	private final People people;

	private final Articles articles;

	private final JsonMapper mapper;

	DemoDirectory(PressdeskSettings settings, ObjectProvider<EmbeddedMariaDb> embedded, DSLContext db,
			Organisations organisations, People people, Articles articles, JsonMapper mapper) {
		this.settings = settings;
		this.embedded = embedded;
		this.db = db;
		this.organisations = organisations;
		this.people = people;
		this.articles = articles;
		this.mapper = mapper;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		boolean wanted = settings.demoData() != null ? settings.demoData() : embedded.getIfAvailable() != null;
		if (!wanted || db.fetchExists(PERSON) || db.fetchExists(ORGANISATION)) {
			return;
		}
		Organisation university = organisation("Example University", "EU", null, OrganisationKind.UNIVERSITY,
				"https://www.example.ac.uk");
		Organisation institute = organisation("Institute for Imaginary Manufacturing", "IIM", university.id(),
				OrganisationKind.UNIVERSITY, "https://www.iim.example.ac.uk");
		Organisation ministry = organisation("Ministry of Fictional Affairs", null, null, OrganisationKind.GOVERNMENT,
				"https://www.fictional-affairs.example.gov");
		Organisation embassy = organisation("Embassy of Fictionland in London", null, ministry.id(),
				OrganisationKind.GOVERNMENT, "https://london.fictionland.example");
		Organisation paper = organisation("The Daily Example", null, null, OrganisationKind.MEDIA,
				"https://www.daily.example.com");

		Map<String, Organisation> byKey = Map.of("university", university, "institute", institute, "embassy", embassy,
				"paper", paper);
		Map<String, Person> created = new HashMap<>();
		for (DemoPerson demo : demoPeople()) {
			created.put(demo.key(), person(demo.person(), byKey.get(demo.organisation()), demo.title()));
		}
		Person jane = created.get("jane");
		Person alan = created.get("alan");
		Article article = articles.create(new ArticleInput("imaginary-manufacturing-hub",
				"Example University opens a hub for imaginary manufacturing",
				"A fictional press release, so that the public contact block can be tried at once.",
				"https://www.example.ac.uk/news/imaginary-manufacturing-hub", ArticleStatus.PUBLISHED, null, "demo-1",
				List.of("manufacturing")));
		articles.replaceContacts(article.id(), List.of(new ContactInput(jane.id(), ContactRole.PRESS_CONTACT, null),
				new ContactInput(alan.id(), ContactRole.SPOKESPERSON, null)), null);
		log.info("Loaded the fictional demo directory (5 organisations, 4 people, 1 published article at "
				+ "/press/{}); PRESSDESK_DEMO_DATA=false skips it", article.slug());
	}

	private Organisation organisation(String name, String shortName, String parentId, OrganisationKind kind,
			String website) {
		return organisations.create(new OrganisationInput(name, shortName, parentId, kind, "GB", website, null));
	}

	/** A demo person as written in demo/people.json: the fields of the API, by name. */
	record DemoPerson(String key, PersonInput person, String organisation, String title) {
	}

	private List<DemoPerson> demoPeople() {
		try (InputStream in = new ClassPathResource("demo/people.json").getInputStream()) {
			return List.of(mapper.readValue(in, DemoPerson[].class));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Person person(PersonInput input, Organisation organisation, String title) {
		Person person = people.create(input);
		people.addAffiliation(person.id(),
				new AffiliationInput(organisation.id(), title, null, null, LocalDate.of(2020, 1, 1), null, true), null);
		return person;
	}

}

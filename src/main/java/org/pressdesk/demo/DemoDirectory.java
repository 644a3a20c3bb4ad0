package org.pressdesk.demo;

import static org.pressdesk.db.Tables.ORGANISATION;
import static org.pressdesk.db.Tables.PERSON;

import java.time.LocalDate;
import java.util.List;

import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
import org.pressdesk.person.LawfulBasis;
import org.pressdesk.person.NameOrder;
import org.pressdesk.person.People;
import org.pressdesk.person.Person;
import org.pressdesk.person.PersonInput;
import org.pressdesk.person.PersonInput.EmailInput;
import org.pressdesk.person.PersonInput.PhoneInput;
import org.pressdesk.person.PhoneKind;
import org.pressdesk.person.Visibility;
import org.pressdesk.system.PressdeskSettings;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
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

	DemoDirectory(PressdeskSettings settings, ObjectProvider<EmbeddedMariaDb> embedded, DSLContext db,
			Organisations organisations, People people, Articles articles) {
		this.settings = settings;
		this.embedded = embedded;
		this.db = db;
		this.organisations = organisations;
		this.people = people;
		this.articles = articles;
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

		Person jane = person(new PersonInput("Dr", "Jane", null, "Example-Núñez", null, null, null, null, null,
				"she/her", "https://www.linkedin.com/in/jane-example-demo",
				List.of(new EmailInput("jane.example@example.ac.uk", "work", Visibility.PUBLIC, true)),
				List.of(new PhoneInput("+44 (0) 1632 960001", PhoneKind.VOICE, "work", Visibility.PUBLIC, true),
						new PhoneInput("07700 900001", PhoneKind.MOBILE, "mobile", Visibility.INTERNAL, false)),
				List.of("industrial policy", "advanced materials"), "Prefers email before 10am.",
				LawfulBasis.LEGITIMATE_INTEREST, "demo data"), institute, "Head of Policy Links");
		Person alan = person(
				new PersonInput("Professor Sir", "Alan", "Q.", "Placeholder", "FRS", null, null, null, null, null, null,
						List.of(new EmailInput("alan.placeholder@example.ac.uk", "work", Visibility.PUBLIC, true)),
						List.of(new PhoneInput("01632 960002", PhoneKind.VOICE, "office", Visibility.PUBLIC, true)),
						List.of("manufacturing"), null, LawfulBasis.PUBLIC_TASK, "demo data"),
				university, "Vice-Chancellor");
		person(new PersonInput(null, "花子", null, "山田", null, null, NameOrder.FAMILY_FIRST, "Hanako", "Yamada", null,
				null, List.of(new EmailInput("h.yamada@fictionland.example", "work", Visibility.PUBLIC, true)),
				List.of(new PhoneInput("+44 20 7946 0003", PhoneKind.VOICE, "embassy", Visibility.PUBLIC, true)),
				List.of("trade", "science diplomacy"), null, LawfulBasis.LEGITIMATE_INTEREST, "demo data"), embassy,
				"National Technology Adviser");
		person(new PersonInput(null, "Zoë", null, "Łukasiewicz-Brontë", null, null, null, null, null, "they/them", null,
				List.of(new EmailInput("zoe.lb@daily.example.com", "newsdesk", Visibility.PUBLIC, true)),
				List.of(new PhoneInput("07700 900004", PhoneKind.MOBILE, "mobile", Visibility.INTERNAL, true)),
				List.of("science journalism"), null, LawfulBasis.LEGITIMATE_INTEREST, "demo data"), paper,
				"Science Correspondent");
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

	private Person person(PersonInput input, Organisation organisation, String title) {
		Person person = people.create(input);
		people.addAffiliation(person.id(),
				new AffiliationInput(organisation.id(), title, null, null, LocalDate.of(2020, 1, 1), null, true), null);
		return person;
	}

}

package org.pressdesk.pages;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.pressdesk.article.Articles;
import org.pressdesk.audit.AuditTrail;
import org.pressdesk.organisation.Organisation;
import org.pressdesk.organisation.OrganisationRepository;
import org.pressdesk.person.Affiliation;
import org.pressdesk.person.AffiliationInput;
import org.pressdesk.person.People;
import org.pressdesk.person.Person;
import org.pressdesk.person.PersonRepository;
import org.pressdesk.person.PersonSearch;
import org.pressdesk.system.ETags;
import org.pressdesk.system.InvalidInput;
import org.pressdesk.system.NotFound;
import org.pressdesk.system.Page;
import org.pressdesk.system.StaleVersion;
import org.pressdesk.system.Texts;
import org.pressdesk.vcard.Audience;
import org.pressdesk.vcard.CardFiles;
import org.pressdesk.vcard.CardFormat;
import org.pressdesk.vcard.PersonCards;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Finding people, and a person's page and edit form. */
@Controller
class PersonPages {

	private final PersonSearch search;

	private final PersonRepository repository;

	private final People people;

	private final Articles articles;

	private final AuditTrail audit;

	private final OrganisationRepository organisations;

	private final PersonCards cards;

	private final Clock clock;

	PersonPages(PersonSearch search, PersonRepository repository, People people, Articles articles, AuditTrail audit,
			OrganisationRepository organisations, PersonCards cards, Clock clock) {
		this.search = search;
		this.repository = repository;
		this.people = people;
		this.articles = articles;
		this.audit = audit;
		this.organisations = organisations;
		this.cards = cards;
		this.clock = clock;
	}

	/** The home page: one box; results as you type (app.js), and without JavaScript on submit. */
	@GetMapping("/")
	String search(@RequestParam(required = false) String q, @RequestParam(required = false) String organisation,
			@RequestParam(required = false) String topic, @RequestParam(required = false) String cursor,
			Model model) {
		model.addAttribute("q", q);
		model.addAttribute("organisation", organisation);
		model.addAttribute("topic", topic);
		model.addAttribute("organisations", organisations.list(null, null, null, 100).items());
		model.addAttribute("results", results(q, organisation, topic, cursor));
		model.addAttribute("today", LocalDate.now(clock));
		return "person/search";
	}

	/** The result list alone, for the page to swap in as the user types. */
	@GetMapping("/people/results")
	String results(@RequestParam(required = false) String q, @RequestParam(required = false) String organisation,
			@RequestParam(required = false) String topic, @RequestParam(required = false) String cursor,
			Model model) {
		model.addAttribute("results", results(q, organisation, topic, cursor));
		model.addAttribute("today", LocalDate.now(clock));
		return "person/results :: results";
	}

	private Page<Person> results(String q, String organisation, String topic, String cursor) {
		boolean nothingAsked = (q == null || q.isBlank()) && (organisation == null || organisation.isBlank())
				&& (topic == null || topic.isBlank());
		return nothingAsked ? new Page<>(List.of(), null)
				: search.page(q, Texts.blankToNull(organisation), Texts.blankToNull(topic), cursor, 20);
	}

	@GetMapping("/people/{id}")
	String person(@PathVariable String id, Model model) {
		Person person = repository.find(id).orElseThrow(() -> new NotFound("person", id));
		LocalDate today = LocalDate.now(clock);
		model.addAttribute("person", person);
		model.addAttribute("current", person.affiliations().stream().filter(a -> a.isCurrentOn(today)).toList());
		model.addAttribute("past", person.affiliations().stream().filter(a -> !a.isCurrentOn(today)).toList());
		Map<String, List<String>> names = organisations
			.namesFromTop(person.affiliations().stream().map(Affiliation::organisationId).distinct().toList());
		model.addAttribute("organisationNames", names);
		// the card itself in the code, so that a phone adds the contact without signing in anywhere
		String card = new String(CardFiles.toBytes(
				List.of(cards.toCard(person, names, Audience.STAFF, CardFormat.VCARD_3, today)), CardFormat.VCARD_3),
				StandardCharsets.UTF_8);
		model.addAttribute("qr", QrCodes.svg(card));
		model.addAttribute("articles", articles.appearancesOf(id));
		model.addAttribute("history", audit.historyOf("person", id, 20));
		return "person/show";
	}

	/**
	 * Adds an affiliation; the organisation is named as people know it (its name, any case or
	 * accents) and must be exactly one.
	 */
	@PostMapping("/people/{id}/affiliations")
	String addAffiliation(@PathVariable String id, @RequestParam int version, @RequestParam String organisation,
			@RequestParam(required = false) String title, @RequestParam(required = false) LocalDate startDate,
			@RequestParam(defaultValue = "false") boolean primary, Model model) {
		List<Organisation> named = organisations.findByName(organisation.strip());
		try {
			if (named.size() != 1) {
				throw new InvalidInput("organisation", named.isEmpty()
						? "no organisation has this name; create it first under Organisations"
						: "several organisations have this name; add the affiliation from the API with its id");
			}
			people.addAffiliation(id, new AffiliationInput(named.get(0).id(), title, null, null, startDate, null, primary),
					ETags.of(version));
			return "redirect:/people/" + id + "?saved";
		}
		catch (InvalidInput ex) {
			model.addAttribute("affiliationErrors", FieldErrors.of(ex));
			return person(id, model);
		}
		catch (StaleVersion ex) {
			model.addAttribute("conflict", true);
			return person(id, model);
		}
	}

	/** Ends a current affiliation today; it stays in the person's history. */
	@PostMapping("/people/{id}/affiliations/{affiliationId}/end")
	String endAffiliation(@PathVariable String id, @PathVariable String affiliationId) {
		Person person = repository.find(id).orElseThrow(() -> new NotFound("person", id));
		Affiliation affiliation = person.affiliations()
			.stream()
			.filter(a -> a.id().equals(affiliationId))
			.findFirst()
			.orElseThrow(() -> new NotFound("affiliation", affiliationId));
		AffiliationInput ended = affiliation.toInput();
		people.replaceAffiliation(id, affiliationId, new AffiliationInput(ended.organisationId(), ended.title(),
				ended.department(), ended.role(), ended.startDate(), LocalDate.now(clock), false));
		return "redirect:/people/" + id + "?saved";
	}

	@GetMapping("/people/{id}/edit")
	String edit(@PathVariable String id, Model model) {
		Person person = repository.find(id).orElseThrow(() -> new NotFound("person", id));
		return editPage(model, person, PersonForm.of(person), Map.of(), false);
	}

	/**
	 * Saves the form. A bad field is shown next to its input; a change someone else saved since the
	 * form was opened is shown, not overwritten.
	 */
	@PostMapping("/people/{id}/edit")
	String save(@PathVariable String id, @ModelAttribute("form") PersonForm form, Model model,
			Authentication authentication) {
		Person current = repository.find(id).orElseThrow(() -> new NotFound("person", id));
		try {
			people.replace(id, form.toInput(current), ETags.of(form.getVersion()));
			return "redirect:/people/" + id + "?saved";
		}
		catch (InvalidInput ex) {
			return editPage(model, current, form.withSpareRows(), FieldErrors.of(ex), false);
		}
		catch (StaleVersion ex) {
			return editPage(model, current, form, Map.of(), true);
		}
	}

	private String editPage(Model model, Person person, PersonForm form, Map<String, String> errors, boolean conflict) {
		model.addAttribute("person", person);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("conflict", conflict);
		return "person/edit";
	}

}

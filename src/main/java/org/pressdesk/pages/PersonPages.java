package org.pressdesk.pages;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pressdesk.article.ArticleStatus;
import org.pressdesk.article.Articles;
import org.pressdesk.audit.AuditTrail.Entity;
import org.pressdesk.audit.AuditTrail;
import org.pressdesk.duplicate.Duplicates;
import org.pressdesk.exchange.Audience;
import org.pressdesk.exchange.CardFiles;
import org.pressdesk.exchange.CardFormat;
import org.pressdesk.exchange.PersonCards;
import org.pressdesk.organisation.Organisation;
import org.pressdesk.organisation.OrganisationRepository;
import org.pressdesk.person.AffiliationInput;
import org.pressdesk.person.ContactPoints;
import org.pressdesk.person.People;
import org.pressdesk.person.Person;
import org.pressdesk.person.PersonDraft;
import org.pressdesk.person.PersonInput;
import org.pressdesk.person.PersonRepository;
import org.pressdesk.person.PersonSearch;
import org.pressdesk.system.Conflict;
import org.pressdesk.system.FieldProblem;
import org.pressdesk.system.InvalidInput;
import org.pressdesk.system.StaleVersion;
import org.pressdesk.text.Texts;
import org.pressdesk.web.ETags;
import org.pressdesk.web.Page;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

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

	private final OrganisationPicker picker;

	private final Clock clock;

	private final Duplicates duplicates;

	PersonPages(PersonSearch search, PersonRepository repository, People people, Articles articles, AuditTrail audit,
			OrganisationRepository organisations, PersonCards cards, OrganisationPicker picker, Duplicates duplicates,
			Clock clock) {
		this.duplicates = duplicates;
		this.search = search;
		this.repository = repository;
		this.people = people;
		this.articles = articles;
		this.audit = audit;
		this.organisations = organisations;
		this.cards = cards;
		this.picker = picker;
		this.clock = clock;
	}

	/**
	 * The home page: one box; results as you type (app.js), and without JavaScript on
	 * submit.
	 */
	@GetMapping("/")
	String search(@RequestParam(required = false) String q, @RequestParam(required = false) String organisation,
			@RequestParam(required = false) String topic, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String cursor, Model model) {
		addResults(model, q, organisation, topic, sort, cursor);
		if (!(Boolean) model.getAttribute("asked")) {
			// the state of the office at a glance, until a search replaces it
			model.addAttribute("recentPeople", repository.recentlyChanged(8));
			model.addAttribute("recentArticles", articles.recentlyPublished(5));
		}
		return "person/search";
	}

	/** The result list alone, for the page to swap in as the user types. */
	@GetMapping("/people/results")
	String results(@RequestParam(required = false) String q, @RequestParam(required = false) String organisation,
			@RequestParam(required = false) String topic, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String cursor, Model model) {
		addResults(model, q, organisation, topic, sort, cursor);
		return "person/results :: results";
	}

	private void addResults(Model model, String q, String organisation, String topic, String sort, String cursor) {
		String query = Texts.blankToNull(q);
		String organisationNamed = Texts.blankToNull(organisation);
		String topicNamed = Texts.blankToNull(topic);
		List<String> organisationIds = organisationsNamed(organisationNamed);
		boolean asked = query != null || organisationNamed != null || topicNamed != null;
		boolean unknownOrganisation = organisationIds != null && organisationIds.isEmpty();
		model.addAttribute("q", query);
		model.addAttribute("organisation", organisationNamed);
		model.addAttribute("topic", topicNamed);
		model.addAttribute("asked", asked);
		model.addAttribute("unknownOrganisation", unknownOrganisation);
		String order = "name".equals(sort) ? "name" : null;
		model.addAttribute("sort", order);
		Page<PersonSearch.Found> results = !asked || unknownOrganisation ? new Page<>(List.of(), null)
				: search.pageWithin(query, organisationIds, topicNamed, order, cursor, 20);
		model.addAttribute("results", results);
		// each result's organisation with its place in the tree
		model.addAttribute("organisationNames", OrganisationChains.of(organisations,
				results.items().stream().map(PersonSearch.Found::person).toList()));
		model.addAttribute("today", LocalDate.now(clock));
	}

	/**
	 * The organisations a filter names, as people type it: a name (any case or accents;
	 * every organisation of that name counts), or an id from a link. Null when no filter
	 * was asked for.
	 */
	private List<String> organisationsNamed(String organisation) {
		if (organisation == null) {
			return null;
		}
		if (organisations.exists(organisation)) {
			return List.of(organisation);
		}
		return organisations.findByName(organisation).stream().map(Organisation::id).toList();
	}

	/**
	 * Suggestions for the topic filter: the topics people have that start with what was
	 * typed.
	 */
	@GetMapping("/people/topics")
	String topics(@RequestParam(required = false) String q, Model model) {
		model.addAttribute("suggestions", q == null || q.isBlank() ? List.of() : repository.topicsStartingWith(q, 15));
		return "fragments :: suggestions";
	}

	@GetMapping("/people/{id}")
	String person(@PathVariable String id, Model model) {
		Person person = repository.get(id);
		LocalDate today = LocalDate.now(clock);
		model.addAttribute("person", person);
		model.addAttribute("current", person.affiliations().stream().filter(a -> a.isCurrentOn(today)).toList());
		model.addAttribute("past", person.affiliations().stream().filter(a -> !a.isCurrentOn(today)).toList());
		Map<String, List<String>> names = OrganisationChains.of(organisations, List.of(person));
		model.addAttribute("organisationNames", names);
		// the card itself in the code, so that a phone adds the contact without signing
		// in anywhere
		String card = new String(
				CardFiles.toBytes(List.of(cards.toCard(person, names, Audience.STAFF, CardFormat.VCARD_3, today)),
						CardFormat.VCARD_3),
				StandardCharsets.UTF_8);
		model.addAttribute("qr", QrCodes.svg(card).orElse(null));
		model.addAttribute("articles", articles.appearancesOf(id));
		model.addAttribute("history", audit.historyOf(Entity.PERSON, id, 20));
		model.addAttribute("mayBeTheSame", duplicates.page(id, null, 100).items());
		return "person/show";
	}

	/**
	 * Adds an affiliation; the organisation is named as people know it (its name, any
	 * case or accents). When several organisations have that name, the page asks which
	 * one is meant.
	 */
	@PostMapping("/people/{id}/affiliations")
	String addAffiliation(@PathVariable String id, @ModelAttribute("newAffiliation") NewAffiliationForm form,
			Model model) {
		try {
			Organisation organisation = picker.picked("organisation", form.organisation(), form.organisationId(),
					model);
			people.addAffiliation(id, new AffiliationInput(organisation.id(), form.title(), null, null,
					form.startDate(), null, form.primary()), ETags.of(form.version()));
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

	/**
	 * Ends a current affiliation today; it stays in the person's history. The rest of it
	 * is written back as read here, so the person's version the page showed must still be
	 * theirs: a change saved since is reported, not undone.
	 */
	@PostMapping("/people/{id}/affiliations/{affiliationId}/end")
	String endAffiliation(@PathVariable String id, @PathVariable String affiliationId, @RequestParam int version,
			Model model) {
		AffiliationInput ended = repository.get(id).affiliation(affiliationId).toInput();
		try {
			people
				.replaceAffiliation(
						id, affiliationId, new AffiliationInput(ended.organisationId(), ended.title(),
								ended.department(), ended.role(), ended.startDate(), LocalDate.now(clock), false),
						ETags.of(version));
			return "redirect:/people/" + id + "?saved";
		}
		catch (StaleVersion ex) {
			model.addAttribute("conflict", true);
			return person(id, model);
		}
	}

	@GetMapping("/people/new")
	String newPerson(Model model) {
		return newPage(model, PersonForm.blank(), null, null, Map.of());
	}

	/**
	 * Adds a person, with their first affiliation when an organisation is named. Someone
	 * with the same email, phone or LinkedIn profile is offered first: a second card of
	 * the same person is what the directory must not grow.
	 */
	@PostMapping("/people/new")
	String create(@ModelAttribute("form") PersonForm form, @RequestParam(required = false) String organisation,
			@RequestParam(required = false) String organisationId, @RequestParam(required = false) String title,
			@RequestParam(defaultValue = "false") boolean createAnyway, Model model) {
		PersonForm filled = form.withoutEmptyRows();
		try {
			PersonInput input = filled.toInput();
			// every problem of the form at once: the person's fields and the organisation
			List<FieldProblem> problems = new ArrayList<>();
			PersonDraft draft = null;
			AffiliationInput affiliation = null;
			try {
				draft = people.check(input);
			}
			catch (InvalidInput ex) {
				problems.addAll(ex.problems());
			}
			try {
				affiliation = Texts.blankToNull(organisation) == null && Texts.blankToNull(organisationId) == null
						? null
						: new AffiliationInput(picker.picked("organisation", organisation, organisationId, model).id(),
								title, null, null, null, null, true);
			}
			catch (InvalidInput ex) {
				problems.addAll(ex.problems());
			}
			if (!problems.isEmpty()) {
				throw new InvalidInput(problems);
			}
			if (!createAnyway) {
				ContactPoints points = new ContactPoints();
				points.add(null, draft);
				Set<String> likely = new LinkedHashSet<>();
				repository.owners(points).values().forEach(likely::addAll);
				if (!likely.isEmpty()) {
					model.addAttribute("likely", repository.findAll(likely));
					return newPage(model, filled.withSpareRows(), organisation, title, Map.of());
				}
			}
			Person created = people.create(input, affiliation);
			return "redirect:/people/" + created.id() + "?saved";
		}
		catch (InvalidInput ex) {
			return newPage(model, filled.withSpareRows(), organisation, title, FieldErrors.of(ex));
		}
	}

	private String newPage(Model model, PersonForm form, String organisation, String title,
			Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("organisation", organisation);
		model.addAttribute("title", title);
		model.addAttribute("errors", errors);
		return "person/new";
	}

	@GetMapping("/people/{id}/edit")
	String edit(@PathVariable String id, Model model) {
		Person person = repository.get(id);
		return editPage(model, person, PersonForm.of(person), Map.of(), false);
	}

	/**
	 * Saves the form. A bad field is shown next to its input; a change someone else saved
	 * since the form was opened is shown, not overwritten.
	 */
	@PostMapping("/people/{id}/edit")
	String save(@PathVariable String id, @ModelAttribute("form") PersonForm form, Model model) {
		Person current = repository.get(id);
		PersonForm filled = form.withoutEmptyRows();
		try {
			people.replace(id, filled.toInput(), ETags.of(form.version()));
			return "redirect:/people/" + id + "?saved";
		}
		catch (InvalidInput ex) {
			return editPage(model, current, filled.withSpareRows(), FieldErrors.of(ex), false);
		}
		catch (StaleVersion ex) {
			return editPage(model, current, filled.withSpareRows(), Map.of(), true);
		}
	}

	/**
	 * Asks before deleting a person (an erasure request, a duplicate), naming the
	 * published articles whose contact blocks they would leave.
	 */
	@GetMapping("/people/{id}/delete")
	String confirmDelete(@PathVariable String id, Model model) {
		return deletePage(model, repository.get(id));
	}

	/**
	 * Deletes the person. {@code offArticles} says the user saw the published articles
	 * they are on and agreed to take them off; when such an article appeared since, the
	 * page asks again.
	 */
	@PostMapping("/people/{id}/delete")
	String delete(@PathVariable String id, @RequestParam int version,
			@RequestParam(defaultValue = "false") boolean offArticles, Model model, RedirectAttributes redirect) {
		Person person = repository.get(id);
		try {
			people.delete(id, ETags.of(version), offArticles);
			redirect.addFlashAttribute("deleted", person.displayName());
			return "redirect:/";
		}
		catch (Conflict | StaleVersion changedMeanwhile) {
			model.addAttribute("changedMeanwhile", true);
			return deletePage(model, person);
		}
	}

	private String deletePage(Model model, Person person) {
		model.addAttribute("person", person);
		model.addAttribute("published",
				articles.appearancesOf(person.id())
					.stream()
					.filter(a -> a.status() == ArticleStatus.PUBLISHED)
					.toList());
		return "person/delete";
	}

	private String editPage(Model model, Person person, PersonForm form, Map<String, String> errors, boolean conflict) {
		model.addAttribute("person", person);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("conflict", conflict);
		return "person/edit";
	}

}

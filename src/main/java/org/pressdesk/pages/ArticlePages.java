package org.pressdesk.pages;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.pressdesk.article.Article;
import org.pressdesk.article.ArticleContact;
import org.pressdesk.article.ArticleInput;
import org.pressdesk.article.ArticleStatus;
import org.pressdesk.article.Articles;
import org.pressdesk.article.ContactInput;
import org.pressdesk.article.ContactRole;
import org.pressdesk.organisation.OrganisationRepository;
import org.pressdesk.person.Person;
import org.pressdesk.person.PersonRepository;
import org.pressdesk.person.PersonSearch;
import org.pressdesk.system.InvalidInput;
import org.pressdesk.system.StaleVersion;
import org.pressdesk.web.ETags;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Articles: the list, and an article's page with its metadata and the contact block it
 * ends with.
 */
@Controller
class ArticlePages {

	private final Articles articles;

	private final PersonRepository people;

	private final PersonSearch search;

	private final Clock clock;

	private final Dates dates;

	private final OrganisationRepository organisations;

	ArticlePages(Articles articles, PersonRepository people, PersonSearch search, Clock clock, Dates dates,
			OrganisationRepository organisations) {
		this.articles = articles;
		this.people = people;
		this.search = search;
		this.clock = clock;
		this.dates = dates;
		this.organisations = organisations;
	}

	@GetMapping("/articles")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String cursor, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("articles", articles.list(q, null, cursor, 20));
		return "article/list";
	}

	@PostMapping("/articles")
	String create(@RequestParam String title, Model model) {
		try {
			return "redirect:/articles/"
					+ articles.create(new ArticleInput(null, title, null, null, null, null, null, List.of())).id();
		}
		catch (InvalidInput ex) {
			model.addAttribute("articles", articles.list(null, null, null, 20));
			model.addAttribute("createError", ex.problems().get(0).message());
			return "article/list";
		}
	}

	@GetMapping("/articles/{id}")
	String article(@PathVariable String id, @RequestParam(required = false) String find, Model model) {
		return page(model, article(id), find, Map.of(), false);
	}

	/**
	 * Saves the metadata; the slug and the publication time stay as they are unless
	 * publishing sets it.
	 */
	@PostMapping("/articles/{id}")
	String save(@PathVariable String id, @ModelAttribute ArticleForm form, Model model) {
		Article current = article(id);
		try {
			articles.replace(id, form.toInput(current, dates), ETags.of(form.version()));
			return "redirect:/articles/" + id + "?saved";
		}
		catch (InvalidInput ex) {
			return page(model, current, null, FieldErrors.of(ex), false);
		}
		catch (StaleVersion ex) {
			return page(model, current, null, Map.of(), true);
		}
	}

	/**
	 * Saves the contact block as the form lists it: each row's position orders it, a row
	 * marked for removal goes.
	 */
	@PostMapping("/articles/{id}/contacts")
	String saveContacts(@PathVariable String id, @ModelAttribute ContactBlockForm form, Model model) {
		return saveBlock(id, form.contacts(), form.version(), model);
	}

	@PostMapping("/articles/{id}/contacts/add")
	String addContact(@PathVariable String id, @RequestParam int version, @RequestParam String personId,
			@RequestParam ContactRole role, Model model) {
		List<ContactInput> contacts = new ArrayList<>(article(id).contacts()
			.stream()
			.map(c -> new ContactInput(c.personId(), c.role(), c.affiliationId()))
			.toList());
		contacts.add(new ContactInput(personId, role, null));
		return saveBlock(id, contacts, version, model);
	}

	private String saveBlock(String id, List<ContactInput> contacts, int version, Model model) {
		try {
			articles.replaceContacts(id, contacts, ETags.of(version));
			return "redirect:/articles/" + id + "?saved";
		}
		catch (InvalidInput ex) {
			return page(model, article(id), null, FieldErrors.of(ex), false);
		}
		catch (StaleVersion ex) {
			return page(model, article(id), null, Map.of(), true);
		}
	}

	private Article article(String id) {
		return articles.get(id);
	}

	private String page(Model model, Article article, String find, Map<String, String> errors, boolean conflict) {
		Map<String, Person> persons = people.findAll(article.contacts().stream().map(ArticleContact::personId).toList())
			.stream()
			.collect(Collectors.toMap(Person::id, Function.identity()));
		model.addAttribute("article", article);
		model.addAttribute("persons", persons);
		// the affiliations offered as "Shown as", with their organisations' place in the
		// tree
		model.addAttribute("organisationNames", OrganisationChains.of(organisations, persons.values()));
		model.addAttribute("roles", ContactRole.values());
		model.addAttribute("statuses", ArticleStatus.values());
		model.addAttribute("preview", articles.publicPreview(article));
		model.addAttribute("find", find);
		model.addAttribute("found",
				find == null || find.isBlank() ? List.of() : search.page(find, null, null, null, 10).items());
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("errors", errors);
		model.addAttribute("conflict", conflict);
		return "article/edit";
	}

}

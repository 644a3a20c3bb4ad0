package org.pressdesk.pages;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pressdesk.organisation.Organisation;
import org.pressdesk.organisation.OrganisationInput;
import org.pressdesk.organisation.OrganisationKind;
import org.pressdesk.organisation.OrganisationRepository;
import org.pressdesk.organisation.Organisations;
import org.pressdesk.person.PersonSearch;
import org.pressdesk.system.Conflict;
import org.pressdesk.system.InvalidInput;
import org.pressdesk.system.StaleVersion;
import org.pressdesk.text.Texts;
import org.pressdesk.web.Cursor;
import org.pressdesk.web.Page;
import org.pressdesk.web.ETags;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Organisations: the top of each tree, and an organisation with its place in the tree and
 * its people.
 */
@Controller
class OrganisationPages {

	private final OrganisationRepository organisations;

	private final Organisations editing;

	private final PersonSearch search;

	private final OrganisationPicker picker;

	private final Clock clock;

	OrganisationPages(OrganisationRepository organisations, Organisations editing, PersonSearch search,
			OrganisationPicker picker, Clock clock) {
		this.organisations = organisations;
		this.editing = editing;
		this.search = search;
		this.picker = picker;
		this.clock = clock;
	}

	@GetMapping("/organisations")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String cursor, Model model) {
		model.addAttribute("q", q);
		Page<Organisation> page = organisations.list(q, null, Cursor.decode(cursor), 50);
		model.addAttribute("organisations", page);
		// where each sits, so that two "School of Engineering" can be told apart
		model.addAttribute("chains", organisations.namesFromTop(page.items().stream().map(Organisation::id).toList()));
		return "organisation/list";
	}

	/**
	 * Suggestions for a field where people type an organisation's name: the options of
	 * its datalist, each with the organisation's place in its tree so that namesakes can
	 * be told apart.
	 */
	@GetMapping("/organisations/names")
	String names(@RequestParam(required = false) String q, Model model) {
		List<Organisation> found = q == null || q.isBlank() ? List.of() : organisations.list(q, null, null, 15).items();
		model.addAttribute("found", found);
		model.addAttribute("chains", organisations.namesFromTop(found.stream().map(Organisation::id).toList()));
		return "organisation/names :: options";
	}

	@PostMapping("/organisations")
	String create(@RequestParam String name, @RequestParam(required = false) String parentId, Model model) {
		try {
			return "redirect:/organisations/" + editing
				.create(new OrganisationInput(name, null, parentId == null || parentId.isBlank() ? null : parentId,
						null, null, null, null))
				.id();
		}
		catch (InvalidInput ex) {
			model.addAttribute("createError", ex.problems().get(0).message());
			return list(null, null, model);
		}
	}

	@GetMapping("/organisations/{id}/edit")
	String edit(@PathVariable String id, Model model) {
		Organisation organisation = organisations.get(id);
		String parentName = organisation.parentId() == null ? null
				: organisations.find(organisation.parentId()).map(Organisation::name).orElse(null);
		return editPage(model, organisation, organisation, parentName, Map.of(), false);
	}

	/**
	 * Saves the form. The parent is typed by name (empty: at the top of a tree); moving
	 * an organisation under itself or under one of its own is refused next to the field.
	 */
	@PostMapping("/organisations/{id}/edit")
	String save(@PathVariable String id, @ModelAttribute OrganisationForm form, Model model) {
		Organisation current = organisations.get(id);
		// the page shows the parent as typed, so what it shows again needs no parent id
		OrganisationInput input = form.toInput();
		String parent = form.parent();
		try {
			editing.replace(id, input.withParentId(parentOf(current, parent, form.parentId(), model)),
					ETags.of(form.version()));
			return "redirect:/organisations/" + id + "?saved";
		}
		catch (InvalidInput ex) {
			return editPage(model, current, input, parent, FieldErrors.of(ex), false);
		}
		catch (Conflict ex) {
			return editPage(model, current, input, parent, Map.of("parent", ex.getMessage()), false);
		}
		catch (StaleVersion ex) {
			return editPage(model, current, input, parent, Map.of(), true);
		}
	}

	/**
	 * The parent the form names; an unchanged name keeps the parent even when it has
	 * namesakes.
	 */
	private String parentOf(Organisation current, String parent, String chosenId, Model model) {
		String named = Texts.blankToNull(parent);
		if (Texts.blankToNull(chosenId) == null) {
			if (named == null) {
				return null;
			}
			Optional<Organisation> now = Optional.ofNullable(current.parentId()).flatMap(organisations::find);
			if (now.isPresent() && now.get().name().equals(named)) {
				return now.get().id();
			}
		}
		return picker.picked("parent", named, chosenId, model).id();
	}

	/**
	 * @param shown what the form shows: the organisation, or what was posted
	 */
	private String editPage(Model model, Organisation organisation, Object shown, String parentName,
			Map<String, String> errors, boolean conflict) {
		model.addAttribute("organisation", organisation);
		model.addAttribute("form", shown);
		model.addAttribute("parentName", parentName);
		model.addAttribute("kinds", OrganisationKind.values());
		model.addAttribute("errors", errors);
		model.addAttribute("conflict", conflict);
		return "organisation/edit";
	}

	@GetMapping("/organisations/{id}")
	String organisation(@PathVariable String id, @RequestParam(required = false) String cursor, Model model) {
		Organisation organisation = organisations.get(id);
		List<String> chain = organisations.namesFromTop(List.of(id)).getOrDefault(id, List.of(organisation.name()));
		model.addAttribute("organisation", organisation);
		model.addAttribute("above", chain.subList(0, chain.size() - 1));
		model.addAttribute("parent",
				organisation.parentId() == null ? null : organisations.find(organisation.parentId()).orElse(null));
		model.addAttribute("below", organisations.list(null, id, null, 100).items());
		// its people and those of the organisations below it, as GET
		// /organisations/{id}/people
		model.addAttribute("results", search.pageWithin(null, List.of(id), null, "name", cursor, 50));
		// the next page of them is this page again, not the search page
		model.addAttribute("morePath", "/organisations/" + id);
		model.addAttribute("today", LocalDate.now(clock));
		return "organisation/show";
	}

}

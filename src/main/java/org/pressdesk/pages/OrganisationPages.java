package org.pressdesk.pages;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.pressdesk.organisation.Organisation;
import org.pressdesk.organisation.OrganisationInput;
import org.pressdesk.organisation.OrganisationKind;
import org.pressdesk.organisation.OrganisationRepository;
import org.pressdesk.organisation.Organisations;
import org.pressdesk.person.PersonSearch;
import org.pressdesk.system.Cursor;
import org.pressdesk.system.ETags;
import org.pressdesk.system.InvalidInput;
import org.pressdesk.system.NotFound;
import org.pressdesk.system.StaleVersion;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Organisations: the top of each tree, and an organisation with its place in the tree and its people. */
@Controller
class OrganisationPages {

	private final OrganisationRepository organisations;

	private final Organisations editing;

	private final PersonSearch search;

	private final Clock clock;

	OrganisationPages(OrganisationRepository organisations, Organisations editing, PersonSearch search, Clock clock) {
		this.organisations = organisations;
		this.editing = editing;
		this.search = search;
		this.clock = clock;
	}

	@GetMapping("/organisations")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String cursor, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("organisations", organisations.list(q, null, Cursor.decode(cursor), 50));
		return "organisation/list";
	}

	@PostMapping("/organisations")
	String create(@RequestParam String name, @RequestParam(required = false) String parentId, Model model) {
		try {
			return "redirect:/organisations/" + editing.create(new OrganisationInput(name, null,
					parentId == null || parentId.isBlank() ? null : parentId, null, null, null, null)).id();
		}
		catch (InvalidInput ex) {
			model.addAttribute("createError", ex.problems().get(0).message());
			return list(null, null, model);
		}
	}

	@GetMapping("/organisations/{id}/edit")
	String edit(@PathVariable String id, Model model) {
		Organisation organisation = organisations.find(id).orElseThrow(() -> new NotFound("organisation", id));
		return editPage(model, organisation, organisation, Map.of(), false);
	}

	@PostMapping("/organisations/{id}/edit")
	String save(@PathVariable String id, @RequestParam int version, @RequestParam String name,
			@RequestParam(required = false) String shortName, @RequestParam OrganisationKind kind,
			@RequestParam(required = false) String country, @RequestParam(required = false) String website,
			@RequestParam(required = false) String linkedinUrl, Model model) {
		Organisation current = organisations.find(id).orElseThrow(() -> new NotFound("organisation", id));
		OrganisationInput input = new OrganisationInput(name, shortName, current.parentId(), kind, country, website,
				linkedinUrl);
		try {
			editing.replace(id, input, ETags.of(version));
			return "redirect:/organisations/" + id + "?saved";
		}
		catch (InvalidInput ex) {
			return editPage(model, current, input, FieldErrors.of(ex), false);
		}
		catch (StaleVersion ex) {
			return editPage(model, current, input, Map.of(), true);
		}
	}

	/** @param shown what the form shows: the organisation, or what was posted */
	private String editPage(Model model, Organisation organisation, Object shown, Map<String, String> errors,
			boolean conflict) {
		model.addAttribute("organisation", organisation);
		model.addAttribute("form", shown);
		model.addAttribute("kinds", OrganisationKind.values());
		model.addAttribute("errors", errors);
		model.addAttribute("conflict", conflict);
		return "organisation/edit";
	}

	@GetMapping("/organisations/{id}")
	String organisation(@PathVariable String id, @RequestParam(required = false) String cursor, Model model) {
		Organisation organisation = organisations.find(id).orElseThrow(() -> new NotFound("organisation", id));
		List<String> chain = organisations.namesFromTop(List.of(id)).getOrDefault(id, List.of(organisation.name()));
		model.addAttribute("organisation", organisation);
		model.addAttribute("above", chain.subList(0, chain.size() - 1));
		model.addAttribute("parent", organisation.parentId() == null ? null
				: organisations.find(organisation.parentId()).orElse(null));
		model.addAttribute("below", organisations.list(null, id, null, 100).items());
		// its people and those of the organisations below it, as GET /organisations/{id}/people
		model.addAttribute("results", search.page(null, id, null, cursor, 50));
		model.addAttribute("today", LocalDate.now(clock));
		return "organisation/show";
	}

}

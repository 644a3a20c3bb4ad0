package org.pressdesk.pages;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.pressdesk.organisation.Organisation;
import org.pressdesk.organisation.OrganisationRepository;
import org.pressdesk.person.PersonSearch;
import org.pressdesk.system.Cursor;
import org.pressdesk.system.NotFound;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Organisations: the top of each tree, and an organisation with its place in the tree and its people. */
@Controller
class OrganisationPages {

	private final OrganisationRepository organisations;

	private final PersonSearch search;

	private final Clock clock;

	OrganisationPages(OrganisationRepository organisations, PersonSearch search, Clock clock) {
		this.organisations = organisations;
		this.search = search;
		this.clock = clock;
	}

	@GetMapping("/organisations")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String cursor, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("organisations", organisations.list(q, null, Cursor.decode(cursor), 50));
		return "organisation/list";
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

package org.pressdesk.pages;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.pressdesk.duplicate.Duplicates;
import org.pressdesk.person.Person;
import org.pressdesk.person.PersonRepository;
import org.pressdesk.web.Page;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The review queue of possible duplicates, for EDITORs: each pair side by side, what
 * links them marked, most likely first; a pair found to be two people is dismissed here.
 */
@Controller
class DuplicatePages {

	private final Duplicates duplicates;

	private final PersonRepository people;

	DuplicatePages(Duplicates duplicates, PersonRepository people) {
		this.duplicates = duplicates;
		this.people = people;
	}

	@GetMapping("/duplicates")
	String queue(@RequestParam(required = false) String cursor, Model model) {
		Page<Duplicates.Suggestion> pairs = duplicates.page(null, cursor, 20);
		Set<String> ids = pairs.items()
			.stream()
			.flatMap(pair -> pair.people().stream())
			.map(Duplicates.PersonOfPair::id)
			.collect(Collectors.toSet());
		// the page's people in one read
		Map<String, Person> byId = people.findAll(ids)
			.stream()
			.collect(Collectors.toMap(Person::id, Function.identity()));
		model.addAttribute("pairs", pairs);
		model.addAttribute("people", byId);
		model.addAttribute("shared", pairs.items()
			.stream()
			.collect(Collectors.toMap(Duplicates.Suggestion::id,
					pair -> pair.reasons().stream().map(Duplicates.Reason::value).collect(Collectors.toSet()))));
		return "duplicate/queue";
	}

	@PostMapping("/duplicates/{id}/dismiss")
	String dismiss(@PathVariable String id) {
		duplicates.dismiss(id);
		return "redirect:/duplicates?dismissed";
	}

}

package org.pressdesk.pages;

import java.util.List;
import java.util.Map;

import org.pressdesk.organisation.OrganisationRepository;
import org.pressdesk.person.Affiliation;
import org.pressdesk.person.People;
import org.pressdesk.person.Person;
import org.pressdesk.person.PersonRepository;
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
 * Correcting one of a person's affiliations (title, department, role, dates, primary), or
 * deleting one recorded by mistake. Adding and ending one happen on the person's page.
 */
@Controller
class AffiliationPages {

	private final PersonRepository repository;

	private final People people;

	private final OrganisationRepository organisations;

	AffiliationPages(PersonRepository repository, People people, OrganisationRepository organisations) {
		this.repository = repository;
		this.people = people;
		this.organisations = organisations;
	}

	@GetMapping("/people/{id}/affiliations/{affiliationId}/edit")
	String edit(@PathVariable String id, @PathVariable String affiliationId, Model model) {
		Person person = repository.get(id);
		Affiliation affiliation = person.affiliation(affiliationId);
		return page(model, person, affiliation, AffiliationForm.of(person.version(), affiliation), Map.of(), false);
	}

	/**
	 * Saves the form; a bad field is shown next to its input, a change saved meanwhile is
	 * not overwritten.
	 */
	@PostMapping("/people/{id}/affiliations/{affiliationId}/edit")
	String save(@PathVariable String id, @PathVariable String affiliationId,
			@ModelAttribute("form") AffiliationForm form, Model model) {
		Person person = repository.get(id);
		Affiliation affiliation = person.affiliation(affiliationId);
		try {
			people.replaceAffiliation(id, affiliationId, form.toInput(affiliation.organisationId()),
					ETags.of(form.version()));
			return "redirect:/people/" + id + "?saved";
		}
		catch (InvalidInput ex) {
			return page(model, person, affiliation, form, FieldErrors.of(ex), false);
		}
		catch (StaleVersion ex) {
			return page(model, person, affiliation, form, Map.of(), true);
		}
	}

	/**
	 * Deletes an affiliation entered by mistake; one that ended is ended, not deleted, to
	 * keep the history.
	 */
	@PostMapping("/people/{id}/affiliations/{affiliationId}/delete")
	String delete(@PathVariable String id, @PathVariable String affiliationId, @RequestParam int version, Model model) {
		try {
			people.deleteAffiliation(id, affiliationId, ETags.of(version));
			return "redirect:/people/" + id + "?saved";
		}
		catch (StaleVersion ex) {
			Person person = repository.get(id);
			Affiliation affiliation = person.affiliation(affiliationId);
			return page(model, person, affiliation, AffiliationForm.of(person.version(), affiliation), Map.of(), true);
		}
	}

	private String page(Model model, Person person, Affiliation affiliation, AffiliationForm form,
			Map<String, String> errors, boolean conflict) {
		model.addAttribute("person", person);
		model.addAttribute("affiliation", affiliation);
		model.addAttribute("organisationChain",
				organisations.namesFromTop(List.of(affiliation.organisationId())).get(affiliation.organisationId()));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("conflict", conflict);
		return "person/affiliation";
	}

}

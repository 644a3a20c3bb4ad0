package org.pressdesk.pages;

import java.util.List;

import org.pressdesk.organisation.Organisation;
import org.pressdesk.organisation.OrganisationRepository;
import org.pressdesk.system.InvalidInput;
import org.pressdesk.text.Texts;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * An organisation as people name it in a form: by its name, in any case or accents, or,
 * when several organisations share that name, by the one they then chose from the list
 * the page showed.
 */
@Component
class OrganisationPicker {

	private final OrganisationRepository organisations;

	OrganisationPicker(OrganisationRepository organisations) {
		this.organisations = organisations;
	}

	/**
	 * The one organisation meant. Otherwise an {@link InvalidInput} on {@code field}; for
	 * namesakes, their places in the tree go into the model as
	 * {@code organisationChoices} (id → names from the top) for the page to offer.
	 */
	Organisation picked(String field, String name, String chosenId, Model model) {
		String chosen = Texts.blankToNull(chosenId);
		String named = Texts.blankToNull(name);
		List<Organisation> found = chosen != null ? organisations.find(chosen).stream().toList()
				: named != null ? organisations.findByName(named) : List.of();
		if (found.size() > 1) {
			model.addAttribute("organisationChoices",
					organisations.namesFromTop(found.stream().map(Organisation::id).toList()));
			throw new InvalidInput(field, "several organisations have this name; choose which one");
		}
		if (found.isEmpty()) {
			throw new InvalidInput(field,
					"no organisation has this name; pick one of the suggestions, or create it under Organisations");
		}
		return found.get(0);
	}

}

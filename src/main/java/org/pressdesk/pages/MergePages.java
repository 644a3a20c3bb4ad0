package org.pressdesk.pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pressdesk.duplicate.Duplicates;
import org.pressdesk.merge.Merge;
import org.pressdesk.merge.MergeRequest.Take;
import org.pressdesk.merge.MergeRequest;
import org.pressdesk.merge.Merges;
import org.pressdesk.person.Person;
import org.pressdesk.person.PersonRepository;
import org.pressdesk.system.NotFound;
import org.pressdesk.web.ETags;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Merging a pair from the review queue, for EDITORs: the two side by side, field by
 * field, choosing who is kept and whose value each field takes; then the merge, which
 * offers its undo.
 */
@Controller
class MergePages {

	/** The fields chosen on the page, in its order; the lists can take both. */
	static final Map<String, String> FIELDS = fields("name", "Name", "pronouns", "Pronouns", "linkedinUrl", "LinkedIn",
			"emails", "Emails", "phones", "Phones", "topics", "Topics", "notes", "Notes", "lawfulBasis", "Lawful basis",
			"source", "Source");

	/** The fields whose values both can be kept. */
	private static final Set<String> LISTS = Set.of("emails", "phones", "topics", "notes");

	private final Duplicates duplicates;

	private final Merges merges;

	private final PersonRepository people;

	MergePages(Duplicates duplicates, Merges merges, PersonRepository people) {
		this.duplicates = duplicates;
		this.merges = merges;
		this.people = people;
	}

	@GetMapping("/duplicates/{id}")
	String compare(@PathVariable String id, Model model) {
		Duplicates.Suggestion pair = duplicates.find(id).orElseThrow(() -> new NotFound("suggestion", id));
		Person left = people.get(pair.people().get(0).id());
		Person right = people.get(pair.people().get(1).id());
		model.addAttribute("pair", pair);
		model.addAttribute("left", left);
		model.addAttribute("right", right);
		model.addAttribute("rows",
				FIELDS.keySet()
					.stream()
					.map(field -> Row.of(field, FIELDS.get(field), valueOf(left, field), valueOf(right, field),
							LISTS.contains(field)))
					.toList());
		return "duplicate/compare";
	}

	/**
	 * Merges the pair as chosen: {@code keep} is the id of the person kept ({@code left}
	 * or {@code right}), each {@code take.<field>} the id of the person whose value the
	 * field takes, or {@code BOTH}; {@code version} the kept person's version when the
	 * page was shown.
	 */
	@PostMapping("/duplicates/{id}/merge")
	String merge(@PathVariable String id, @RequestParam String keep, @RequestParam String left,
			@RequestParam String right, @RequestParam Map<String, String> form) {
		String other = keep.equals(left) ? right : left;
		Map<String, Take> fields = new LinkedHashMap<>();
		for (String field : FIELDS.keySet()) {
			String choice = form.get("take." + field);
			if (choice != null) {
				fields.put(field, choice.equals("BOTH") ? Take.BOTH : choice.equals(keep) ? Take.KEPT : Take.FROM);
			}
		}
		Merges.Merged merged = merges.merge(keep, new MergeRequest(other, fields),
				ETags.of(Integer.parseInt(form.get("version." + keep))));
		return "redirect:/merges/" + merged.merge().id();
	}

	@GetMapping("/merges/{id}")
	String merged(@PathVariable String id, Model model) {
		Merge merge = merges.get(id);
		model.addAttribute("merge", merge);
		model.addAttribute("kept", people.find(merge.keptId()).orElse(null));
		model.addAttribute("back", merge.undone() ? people.find(merge.mergedId()).orElse(null) : null);
		return "duplicate/merged";
	}

	@PostMapping("/merges/{id}/undo")
	String undo(@PathVariable String id) {
		merges.undo(id);
		return "redirect:/merges/" + id;
	}

	/**
	 * A field of the pair: each one's value as the page shows it, or null.
	 *
	 * @param differs both have it and differ: the page asks whose value to take
	 */
	record Row(String field, String label, String left, String right, boolean canTakeBoth, boolean differs) {

		static Row of(String field, String label, String left, String right, boolean canTakeBoth) {
			return new Row(field, label, left, right, canTakeBoth,
					left != null && right != null && !left.equals(right));
		}

	}

	private static Map<String, String> fields(String... namesAndLabels) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (int i = 0; i < namesAndLabels.length; i += 2) {
			fields.put(namesAndLabels[i], namesAndLabels[i + 1]);
		}
		return fields;
	}

	private static String listed(List<String> values) {
		return values.isEmpty() ? null : String.join(", ", values);
	}

	/** A person's value of a field, as the page shows it. */
	static String valueOf(Person person, String field) {
		return switch (field) {
			case "name" -> person.displayName();
			case "pronouns" -> person.pronouns();
			case "linkedinUrl" -> person.linkedinUrl();
			case "emails" -> listed(person.emails().stream().map(e -> e.value()).toList());
			case "phones" -> listed(person.phones().stream().map(p -> p.international()).toList());
			case "topics" -> listed(person.topics());
			case "notes" -> person.notes();
			case "lawfulBasis" -> person.lawfulBasis() == null ? null : person.lawfulBasis().name();
			default -> person.source();
		};
	}

}

package org.pressdesk.duplicate;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.pressdesk.web.Page;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Pairs of people who may be one, and their dismissal. */
@RestController
@RequestMapping("/api/v1/duplicates")
@Tag(name = "Duplicates")
class DuplicateApi {

	private final Duplicates duplicates;

	DuplicateApi(Duplicates duplicates) {
		this.duplicates = duplicates;
	}

	/**
	 * List pairs of people who may be one, most likely first, each with its reasons: a
	 * shared email (any case), phone or LinkedIn profile; the same name (without regard
	 * to accents, case, punctuation or a title written into it) or one that sounds alike;
	 * the same organisation. A shared identifier scores 0.9 or more; a name alone at most
	 * 0.5. The list follows every change, as searches do.
	 * @param personId only the pairs of this person (a new person's answer points here)
	 */
	@GetMapping
	Page<Duplicates.Suggestion> listDuplicates(@RequestParam(name = "person", required = false) String personId,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		return duplicates.page(personId, cursor, limit);
	}

	/**
	 * Dismiss a pair: these are two people. It does not come back unless something new
	 * links them (a new shared email, say).
	 */
	@PostMapping("/{id}/dismiss")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	ResponseEntity<Void> dismissDuplicate(@PathVariable String id) {
		duplicates.dismiss(id);
		return ResponseEntity.noContent().build();
	}

}

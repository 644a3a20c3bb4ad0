package org.pressdesk.merge;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.pressdesk.web.ETags;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Merging two records of one person, and undoing it. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Duplicates")
class MergeApi {

	private final Merges merges;

	MergeApi(Merges merges) {
		this.merges = merges;
	}

	/**
	 * Merge another person into this one. By default the kept person's values win where
	 * they have one; the other's emails, phones, topics and affiliations are added (equal
	 * values once; one primary of each); {@code fields} chooses per field. The other's
	 * places on articles move to the kept person with their role, position and what they
	 * showed "as published"; where both were on one article, the kept person's place
	 * stays. From then on the other's id answers {@code 308 Permanent Redirect} to the
	 * kept person, here and in the public vCard addresses. The answer names the merge,
	 * which can be undone for 30 days.
	 */
	@PostMapping("/people/{id}/merge")
	ResponseEntity<Merges.Merged> mergePerson(@PathVariable String id, @RequestBody MergeRequest request,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		Merges.Merged merged = merges.merge(id, request, ifMatch);
		return ResponseEntity.ok().eTag(ETags.of(merged.person().version())).body(merged);
	}

	/** Get a merge: who was kept, who was merged, and whether it was undone. */
	@GetMapping("/merges/{id}")
	Merge getMerge(@PathVariable String id) {
		return merges.get(id);
	}

	/**
	 * Undo a merge within 30 days: both people come back exactly as they were, with their
	 * places on articles, and the merged id is theirs again. When the kept person (or an
	 * article's contacts) changed since, the answer is 409 saying what changed, and
	 * nothing is undone.
	 */
	@PostMapping("/merges/{id}/undo")
	Merges.Undone undoMerge(@PathVariable String id) {
		return merges.undo(id);
	}

}

package org.pressdesk.exchange;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What an import did, or would do in a dry run. A real import with any error changes
 * nothing.
 *
 * @param created people created
 * @param updated people changed (details added, an affiliation added or changed)
 * @param unchanged cards that matched a person and changed nothing
 * @param duplicates cards that matched more than one person (skipped), matched a person
 * created earlier in the same file (merged), or share a name with someone without sharing
 * a contact point (created anyway)
 * @param errors the rejected cards or rows, each with the field and the reason
 */
public record ImportReport(boolean dryRun, int created, int updated, int unchanged, List<Duplicate> duplicates,
		List<Problem> errors) {

	/**
	 * A card ({@code card}, vCard) or row ({@code line}, CSV) that looks like someone
	 * known.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Duplicate(Integer card, Integer line, String name, List<String> personIds, String reason) {
	}

	/**
	 * The same report for a caller that may import but not read people (an API client
	 * with the {@code import} scope only): whether a card created or updated someone, and
	 * whom it resembles, would tell it who is in the directory. It learns how many cards
	 * were accepted, and what was wrong with its file.
	 */
	public Receipt withoutDirectoryDetails() {
		return new Receipt(dryRun, created + updated + unchanged, errors);
	}

	/**
	 * @param accepted cards or rows taken (created, updated or unchanged someone)
	 */
	public record Receipt(boolean dryRun, int accepted, List<Problem> errors) {
	}

	/** Why a card, a row or the file was rejected. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Problem(Integer card, Integer line, String field, String message) {
	}

}

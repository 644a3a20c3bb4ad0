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
 * @param people what became of each card or row that was not rejected, in file order
 * @param duplicates cards that matched more than one person (skipped), matched a person
 * created earlier in the same file (merged), or share a name with someone without sharing
 * a contact point (created anyway)
 * @param errors the rejected cards or rows, each with the field and the reason
 */
public record ImportReport(boolean dryRun, int created, int updated, int unchanged, List<Entry> people,
		List<Duplicate> duplicates, List<CardProblem> errors) {

	/** What became of a card or row. */
	public enum Outcome {

		/** a new person (in a dry run, one that would be created) */
		CREATED,
		/** someone already there, changed: {@code changes} names the fields */
		UPDATED,
		/** someone already there, whom the card told nothing new */
		UNCHANGED,
		/** the same person as an earlier card of the file: merged into them */
		MERGED,
		/** matched several people: not imported (see duplicates) */
		SKIPPED

	}

	/**
	 * A card ({@code card}, vCard) or row ({@code line}, CSV), its name, and what became
	 * of it; {@code personId} is the person it matched (not given for a new one: a dry
	 * run's new people are never written).
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Entry(Integer card, Integer line, String name, Outcome outcome, String personId,
			List<String> changes) {
	}

	/**
	 * A card ({@code card}, vCard) or row ({@code line}, CSV) that looks like someone
	 * known.
	 *
	 * @param suggestionIds for a person created with the name of others: the ids the
	 * pairs of them have in {@code GET /api/v1/duplicates} (a real import only: a dry
	 * run's new people are never written; a name more than 10 people share is not
	 * suggested)
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Duplicate(Integer card, Integer line, String name, List<String> personIds, String reason,
			List<String> suggestionIds) {
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
	public record Receipt(boolean dryRun, int accepted, List<CardProblem> errors) {
	}

	/** Why a card, a row or the file was rejected. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record CardProblem(Integer card, Integer line, String field, String message) {
	}

}

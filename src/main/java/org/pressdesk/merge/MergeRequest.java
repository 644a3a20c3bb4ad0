package org.pressdesk.merge;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;

/**
 * Which person to merge into the kept one, and whose value each field takes.
 *
 * @param from the person merged away: their id answers 308 to the kept person from then
 * on
 * @param fields by field name ({@code name}, {@code pronouns}, {@code linkedinUrl},
 * {@code emails}, {@code phones}, {@code topics}, {@code notes}, {@code lawfulBasis},
 * {@code source}): {@code KEPT}, {@code FROM} (the other's value) or, for emails, phones,
 * topics and notes, {@code BOTH}. Without a choice, the kept person's value wins where
 * they have one, and the lists take both.
 */
public record MergeRequest(@NotBlank String from, Map<String, Take> fields) {

	/** Whose value a field takes. */
	public enum Take {

		KEPT, FROM, BOTH

	}

}

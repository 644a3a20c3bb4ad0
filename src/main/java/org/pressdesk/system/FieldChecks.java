package org.pressdesk.system;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs several field normalisations and reports all their problems at once, not just the
 * first.
 */
public final class FieldChecks {

	private final List<FieldProblem> problems = new ArrayList<>();

	public FieldChecks() {
	}

	/** Starting from problems found already (by bean validation). */
	public FieldChecks(List<FieldProblem> earlier) {
		problems.addAll(earlier);
	}

	/**
	 * Whether a problem was recorded for the field: its value need not be checked again.
	 */
	public boolean has(String field) {
		return problems.stream().anyMatch(problem -> problem.field().equals(field));
	}

	/** The normalised value, or null after recording why it could not be normalised. */
	public <T> T check(Supplier<T> normalisation) {
		try {
			return normalisation.get();
		}
		catch (InvalidInput ex) {
			problems.addAll(ex.problems());
			return null;
		}
	}

	public void add(String field, String message) {
		problems.add(new FieldProblem(field, message));
	}

	public void throwIfAny() {
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
	}

}

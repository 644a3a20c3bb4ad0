package org.pressdesk.pages;

import java.util.HashMap;
import java.util.Map;

import org.pressdesk.system.FieldProblem;
import org.pressdesk.system.InvalidInput;

/** The problems of a refused form by field name, to show each next to its input. */
final class FieldErrors {

	private FieldErrors() {
	}

	static Map<String, String> of(InvalidInput ex) {
		Map<String, String> errors = new HashMap<>();
		for (FieldProblem problem : ex.problems()) {
			errors.merge(problem.field(), problem.message(), (a, b) -> a + "; " + b);
		}
		return errors;
	}

}

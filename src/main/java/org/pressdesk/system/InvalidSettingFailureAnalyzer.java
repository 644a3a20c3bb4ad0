package org.pressdesk.system;

import java.util.stream.Collectors;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A setting refused at start (an admin password the policy refuses) reported as a
 * sentence and a remedy, not a stack trace: at start, only settings are checked as input.
 */
class InvalidSettingFailureAnalyzer extends AbstractFailureAnalyzer<InvalidInput> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidInput cause) {
		String settings = cause.problems()
			.stream()
			.map(FieldProblem::field)
			.distinct()
			.collect(Collectors.joining(", "));
		return new FailureAnalysis(
				"Pressdesk did not start: " + cause.problems()
					.stream()
					.map(problem -> problem.field() + " " + problem.message())
					.collect(Collectors.joining("; ")),
				"Change " + settings
						+ " and start again (an unset PRESSDESK_ADMIN_PASSWORD is generated and logged once).",
				cause);
	}

}

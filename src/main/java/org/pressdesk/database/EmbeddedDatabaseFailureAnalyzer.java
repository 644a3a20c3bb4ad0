package org.pressdesk.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A failed start of the embedded database reported as a sentence and a remedy, not a
 * stack trace.
 */
class EmbeddedDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseFailure> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseFailure cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}

}

package org.pressdesk.database;

/**
 * The embedded database could not be started: what happened and what helps, in words a
 * newcomer can act on ({@link EmbeddedDatabaseFailureAnalyzer} shows them instead of a
 * stack trace).
 */
public class EmbeddedDatabaseFailure extends RuntimeException {

	private final String action;

	EmbeddedDatabaseFailure(String what, String action, Throwable cause) {
		super("The embedded MariaDB could not be started: " + what, cause);
		this.action = action;
	}

	public String action() {
		return action;
	}

}

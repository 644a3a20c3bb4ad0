package org.pressdesk.system;

/** The resource does not exist, or the caller may not know that it does. */
public class NotFound extends RuntimeException {

	public NotFound(String what, String id) {
		super("No " + what + " with id " + id);
	}

	protected NotFound(String message) {
		super(message);
	}

}

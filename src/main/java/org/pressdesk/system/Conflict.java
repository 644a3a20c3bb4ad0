package org.pressdesk.system;

/**
 * The write is well-formed but contradicts the state of the directory (a cycle, a
 * duplicate).
 */
public class Conflict extends RuntimeException {

	public Conflict(String detail) {
		super(detail);
	}

}

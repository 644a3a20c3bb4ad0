package org.pressdesk.system;

/**
 * The resource is now another one (a person merged into another): its address answers 308
 * with the other's, so that a client holding the old id keeps working.
 */
public class Moved extends NotFound {

	private final String from;

	private final String to;

	public Moved(String what, String from, String to) {
		super("The " + what + " " + from + " was merged into " + to + ".");
		this.from = from;
		this.to = to;
	}

	public String from() {
		return from;
	}

	public String to() {
		return to;
	}

}

package org.pressdesk.system;

/**
 * A part of the service cannot answer for a moment (the search index is still being built
 * at start): a 503 with {@code Retry-After}, like a database outage.
 */
public class Unavailable extends RuntimeException {

	public Unavailable(String detail) {
		super(detail);
	}

}

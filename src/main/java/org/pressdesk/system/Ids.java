package org.pressdesk.system;

import java.util.UUID;

/** Ids are random UUIDs: stable, opaque and not guessable, unlike sequence numbers. */
public final class Ids {

	private Ids() {
	}

	public static String newId() {
		return UUID.randomUUID().toString();
	}

}

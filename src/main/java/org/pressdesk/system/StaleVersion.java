package org.pressdesk.system;

/** The {@code If-Match} of a write names a version that is no longer current. */
public class StaleVersion extends RuntimeException {

	public StaleVersion(int currentVersion) {
		super("The resource has changed since you read it; it is now at version " + currentVersion
				+ ". Read it again and reapply your change.");
	}

}

package org.pressdesk.security;

/** Staff roles, each including the ones below it: ADMIN > EDITOR > VIEWER. */
public enum Role {

	VIEWER, EDITOR, ADMIN;

	public String authority() {
		return "ROLE_" + name();
	}

}

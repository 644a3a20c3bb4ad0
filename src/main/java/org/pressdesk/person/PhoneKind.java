package org.pressdesk.person;

public enum PhoneKind {

	VOICE, MOBILE, FAX

}

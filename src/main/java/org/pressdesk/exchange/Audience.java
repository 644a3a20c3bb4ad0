package org.pressdesk.exchange;

/**
 * Who a card is for: staff see every contact point, the public only PUBLIC ones. Notes go
 * to no one.
 */
public enum Audience {

	STAFF, PUBLIC

}

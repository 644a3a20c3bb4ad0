package org.pressdesk.web;

/**
 * Tells a failure to use the database (unreachable, or no connection free in time) from
 * any other: such a request is answered 503 by {@link UnavailableResponses}, not 500.
 */
public interface Outages {

	boolean isOutage(Throwable failure);

}

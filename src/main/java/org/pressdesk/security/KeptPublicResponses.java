package org.pressdesk.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The public pages' responses kept in memory, answered by {@link PublicFront} ahead of
 * the rest of the service.
 */
public interface KeptPublicResponses {

	/**
	 * The response kept for this request, or null to leave the request to the service.
	 * Only ever found for a GET the public pages would answer alike.
	 */
	Kept find(HttpServletRequest request);

	/** A response kept in memory. */
	interface Kept {

		/** Writes the response (its status, its own headers and its body). */
		void writeTo(HttpServletRequest request, HttpServletResponse response) throws IOException;

	}

}

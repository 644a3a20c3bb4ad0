package org.pressdesk.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;

/**
 * The answer while the database is away: 503 with {@code Retry-After}, as a problem for
 * programs and as a plain page for people (staff pages and the public press pages alike).
 * It needs nothing that might itself be failing.
 */
public final class UnavailableResponses {

	public static final String TYPE = "urn:pressdesk:problem:unavailable";

	static final String RETRY_AFTER_SECONDS = "5";

	private static final String PAGE = """
			<!DOCTYPE html>
			<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
			<title>Unavailable · Pressdesk</title><link rel="stylesheet" href="/assets/pressdesk.css"></head>
			<body><main class="narrow"><h1>The directory is unavailable</h1>
			<p>Its database cannot be reached at the moment. Nothing you saved before is lost.
			Please try again in a minute.</p></main></body></html>
			""";

	private UnavailableResponses() {
	}

	public static void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("X-Content-Type-Options", "nosniff");
		String accept = request.getHeader("Accept");
		boolean person = accept != null && accept.contains("text/html");
		response.setHeader("Content-Security-Policy",
				person ? "default-src 'none'; style-src 'self'; frame-ancestors 'none'"
						: "default-src 'none'; frame-ancestors 'none'");
		if (!person) {
			Problems.write(request, response, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
					"The directory is unavailable for a moment: its database cannot be reached. Try again shortly."));
			return;
		}
		byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
		response.setContentType("text/html;charset=UTF-8");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}

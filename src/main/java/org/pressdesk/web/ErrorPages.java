package org.pressdesk.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.util.HtmlUtils;

/**
 * What a person in a browser sees when a staff or press page fails: a page in the site's
 * style that says what happened, not a problem document. Programs (and everything under
 * /api) get problem details.
 */
public final class ErrorPages {

	private static final String PAGE = """
			<!DOCTYPE html>
			<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
			<title>%1$s · Pressdesk</title><link rel="stylesheet" href="/assets/pressdesk.css"></head>
			<body><main class="narrow"><h1>%1$s</h1>
			<p>%2$s</p>
			<p><a href="/">Back to the search</a></p></main></body></html>
			""";

	private ErrorPages() {
	}

	/** A browser asking for a page, as opposed to a program or the API. */
	public static boolean wantsPage(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		return accept != null && accept.contains("text/html") && !request.getRequestURI().startsWith("/api/");
	}

	/** The page, with the title and message escaped. */
	public static String page(String title, String message) {
		return PAGE.formatted(HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(message));
	}

}

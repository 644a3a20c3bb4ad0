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

	public static final String TYPE = Problems.type("unavailable").toString();

	static final String RETRY_AFTER_SECONDS = "5";

	private UnavailableResponses() {
	}

	public static void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
		write(request, response,
				"The directory is unavailable for a moment: its database cannot be reached. Try again shortly.",
				"Its database cannot be reached at the moment. "
						+ "Nothing you saved before is lost. Please try again in a minute.");
	}

	/** The same answer for another part that is not ready: {@code detail} says which. */
	public static void write(HttpServletRequest request, HttpServletResponse response, String detail)
			throws IOException {
		write(request, response, detail, detail);
	}

	private static void write(HttpServletRequest request, HttpServletResponse response, String problemDetail,
			String pageText) throws IOException {
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("X-Content-Type-Options", "nosniff");
		boolean person = ErrorPages.wantsPage(request);
		response.setHeader("Content-Security-Policy",
				person ? "default-src 'none'; style-src 'self'; frame-ancestors 'none'"
						: "default-src 'none'; frame-ancestors 'none'");
		if (!person) {
			Problems.write(request, response,
					Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", problemDetail));
			return;
		}
		byte[] body = ErrorPages.page("The directory is unavailable", pageText).getBytes(StandardCharsets.UTF_8);
		response.setContentType("text/html;charset=UTF-8");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}

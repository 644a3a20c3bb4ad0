package org.pressdesk.security;

import java.io.IOException;
import java.net.URI;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.pressdesk.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API reads no cookies, but a browser may still hold a staff member's HTTP Basic
 * credentials (typed into its prompt once) and add them to a form another site submits.
 * So a request that would change something is refused when the browser says it comes from
 * another site (Fetch Metadata's {@code Sec-Fetch-Site}, or an {@code Origin} other than
 * this host). Programs send neither header and are not affected.
 */
class CrossSiteWrites extends OncePerRequestFilter {

	static final String TYPE = Problems.type("cross-site-request").toString();

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (SAFE_METHODS.contains(request.getMethod()) || !fromAnotherSite(request)) {
			chain.doFilter(request, response);
			return;
		}
		Problems.write(request, response, Problems.of(HttpStatus.FORBIDDEN, "cross-site-request",
				"A page of another site cannot change anything here. Call the API from a program, with credentials."));
	}

	static boolean fromAnotherSite(HttpServletRequest request) {
		String site = request.getHeader("Sec-Fetch-Site");
		if (site != null) {
			return !site.equals("same-origin") && !site.equals("none");
		}
		String origin = request.getHeader("Origin");
		if (origin == null) {
			return false;
		}
		try {
			URI from = URI.create(origin);
			String host = request.getHeader("Host");
			return from.getAuthority() == null || host == null || !from.getAuthority().equalsIgnoreCase(host);
		}
		catch (IllegalArgumentException notAnOrigin) {
			// "null" (a sandboxed frame, a file) or anything unreadable
			return true;
		}
	}

}

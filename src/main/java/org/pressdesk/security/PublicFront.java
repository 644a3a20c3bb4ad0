package org.pressdesk.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.header.HeaderWriter;

/**
 * In front of everything for /press/: the public rate limit (per address, for every
 * instance alike), then the responses the press pages keep in memory, with the same
 * headers as the public chain writes. Before the rest of the service (Spring Security's
 * chains, the MVC dispatch, metrics), so that a journalist's request costs little more
 * than the web server's own work; what is not kept goes on to the service and the public
 * chain.
 */
final class PublicFront implements Filter {

	private final RateLimit limit;

	private final List<HeaderWriter> headers;

	private final KeptPublicResponses kept;

	PublicFront(RateLimit limit, List<HeaderWriter> headers, KeptPublicResponses kept) {
		this.limit = limit;
		this.headers = headers;
		this.kept = kept;
	}

	@Override
	public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
			throws IOException, ServletException {
		HttpServletRequest request = (HttpServletRequest) servletRequest;
		HttpServletResponse response = (HttpServletResponse) servletResponse;
		if (!limit.admits(request, response)) {
			return;
		}
		KeptPublicResponses.Kept answer = kept.find(request);
		if (answer == null) {
			chain.doFilter(request, response);
			return;
		}
		headers.forEach(header -> header.writeHeaders(request, response));
		answer.writeTo(request, response);
	}

}

package org.pressdesk.security;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a browser session a fixed time after its login, however active it has been: a
 * stolen session cookie stops working by then. (The idle timeout is the servlet
 * container's.)
 */
class AbsoluteSessionTimeout extends OncePerRequestFilter {

	private final long limitMillis;

	AbsoluteSessionTimeout(Duration limit) {
		this.limitMillis = limit.toMillis();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(LoginTimeRecorder.LOGGED_IN_AT) instanceof Long loggedInAt
				&& System.currentTimeMillis() - loggedInAt > limitMillis) {
			session.invalidate();
		}
		chain.doFilter(request, response);
	}

}

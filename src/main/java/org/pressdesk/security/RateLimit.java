package org.pressdesk.security;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.pressdesk.web.ErrorPages;
import org.pressdesk.web.Problems;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A token bucket per client: a minute's allowance at once, then refilled evenly. On the
 * public pages the client is the address, so a journalist opening a page and saving a few
 * cards never notices it while a scraper gets one request every few seconds; on the API
 * and the staff pages it is the authenticated user or API client. Not a bean, so that it
 * runs only in the chain it is put in.
 */
class RateLimit extends OncePerRequestFilter {

	/**
	 * Beyond this many tracked addresses, the idle ones (with full buckets) are
	 * forgotten.
	 */
	private static final int MAX_TRACKED = 100_000;

	private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

	private final int perMinute;

	private final Function<HttpServletRequest, String> client;

	private final String who;

	private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

	private volatile long lastSweep = System.nanoTime();

	/**
	 * @param perMinute requests per minute per client; 0 turns the limit off
	 * @param client what counts as one client
	 * @param who the client in the answer's words ("your address")
	 */
	RateLimit(int perMinute, Function<HttpServletRequest, String> client, String who) {
		this.perMinute = perMinute;
		this.client = client;
		this.who = who;
	}

	/** Per address, for anonymous clients. */
	static RateLimit perAddress(int perMinute) {
		return new RateLimit(perMinute, HttpServletRequest::getRemoteAddr, "your address");
	}

	/** Per authenticated user or API client (per address before authentication). */
	static RateLimit perPrincipal(int perMinute) {
		return new RateLimit(perMinute, request -> {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			return authentication != null && authentication.isAuthenticated() ? "principal:" + authentication.getName()
					: "address:" + request.getRemoteAddr();
		}, "you");
	}

	private RequestMatcher free = request -> false;

	/** The same limit, not counting requests the matcher matches. */
	RateLimit except(RequestMatcher requests) {
		this.free = requests;
		return this;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (perMinute == 0 || free.matches(request)) {
			chain.doFilter(request, response);
			return;
		}
		long now = System.nanoTime();
		if (buckets.size() > MAX_TRACKED && now - lastSweep > MINUTE) {
			// at most once a minute: a bucket left alone for a minute is full again
			lastSweep = now;
			buckets.values().removeIf(bucket -> bucket.isFull(now));
		}
		long wait = buckets.computeIfAbsent(client.apply(request), key -> new Bucket(now)).take(now);
		if (wait == 0) {
			chain.doFilter(request, response);
			return;
		}
		long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait + TimeUnit.SECONDS.toNanos(1) - 1));
		ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
				"Too many requests from " + who + ". Try again in " + seconds + " seconds.");
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		if (ErrorPages.wantsPage(request)) {
			response.setContentType("text/html;charset=UTF-8");
			response.getWriter().write(ErrorPages.page("Too many requests", problem.getDetail()));
			return;
		}
		Problems.write(request, response, problem);
	}

	/** Holds up to a minute's allowance of requests, refilled evenly over the minute. */
	private final class Bucket {

		private double tokens = perMinute;

		private long updated;

		Bucket(long now) {
			this.updated = now;
		}

		/**
		 * Takes a token: 0 when there was one, else the nanoseconds until there will be.
		 */
		synchronized long take(long now) {
			refill(now);
			if (tokens >= 1) {
				tokens -= 1;
				return 0;
			}
			return (long) Math.ceil((1 - tokens) * MINUTE / perMinute);
		}

		synchronized boolean isFull(long now) {
			refill(now);
			return tokens >= perMinute;
		}

		private void refill(long now) {
			tokens = Math.min(perMinute, tokens + (double) (now - updated) * perMinute / MINUTE);
			updated = now;
		}

	}

}

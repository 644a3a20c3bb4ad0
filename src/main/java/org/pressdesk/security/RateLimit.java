package org.pressdesk.security;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.pressdesk.web.ErrorPages;
import org.pressdesk.web.Problems;

import org.springframework.dao.DataAccessException;
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
 * and the staff pages it is the authenticated user or API client. The buckets are in the
 * database ({@link SharedBuckets}), so the limit holds across instances: each instance
 * takes a slice of a client's tokens (a twentieth of the allowance) and spends it without
 * asking again. Not a bean, so that it runs only in the chain it is put in.
 */
class RateLimit extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(RateLimit.class);

	/**
	 * Beyond this many clients with a slice, the slices are forgotten (a few tokens
	 * lost).
	 */
	private static final int MAX_TRACKED = 100_000;

	private final SharedBuckets buckets;

	private final String scope;

	private final int perMinute;

	private final int slice;

	private final Function<HttpServletRequest, String> client;

	private final String who;

	/** The tokens this instance took and has not spent, per client. */
	private final ConcurrentHashMap<String, AtomicInteger> slices = new ConcurrentHashMap<>();

	/**
	 * @param scope the limit's name in the shared buckets
	 * @param perMinute requests per minute per client; 0 turns the limit off
	 * @param client what counts as one client
	 * @param who the client in the answer's words ("your address")
	 */
	RateLimit(SharedBuckets buckets, String scope, int perMinute, Function<HttpServletRequest, String> client,
			String who) {
		this.buckets = buckets;
		this.scope = scope;
		this.perMinute = perMinute;
		this.slice = Math.max(1, perMinute / 20);
		this.client = client;
		this.who = who;
	}

	/** Per address, for anonymous clients. */
	static RateLimit perAddress(SharedBuckets buckets, String scope, int perMinute) {
		return new RateLimit(buckets, scope, perMinute, HttpServletRequest::getRemoteAddr, "your address");
	}

	/** Per authenticated user or API client (per address before authentication). */
	static RateLimit perPrincipal(SharedBuckets buckets, String scope, int perMinute) {
		return new RateLimit(buckets, scope, perMinute, request -> {
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
		long wait = take(client.apply(request));
		if (wait == 0) {
			chain.doFilter(request, response);
			return;
		}
		long seconds = Math.max(1, TimeUnit.MILLISECONDS.toSeconds(wait + 999));
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

	/**
	 * Takes a token: from this instance's slice when it has one, else a new slice from
	 * the shared bucket. 0 when there was one, else the milliseconds until there will be.
	 */
	private long take(String key) {
		if (slices.size() > MAX_TRACKED) {
			slices.clear();
		}
		AtomicInteger mine = slices.computeIfAbsent(key, k -> new AtomicInteger());
		if (mine.getAndUpdate(left -> left > 0 ? left - 1 : 0) > 0) {
			return 0;
		}
		SharedBuckets.Grant grant;
		try {
			grant = buckets.take(scope, key, perMinute, slice);
		}
		catch (DataAccessException unreachable) {
			// the database's own answer (503) follows; the limit does not add to it
			log.debug("Rate limit not checked, the database is unreachable: {}", unreachable.toString());
			return 0;
		}
		if (grant.tokens() == 0) {
			return grant.waitMillis();
		}
		mine.addAndGet(grant.tokens() - 1);
		return 0;
	}

}

package org.pressdesk.security;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
 * spends a slice of a client's tokens (a tenth of the allowance) without asking again.
 * The first slice for a client this instance has not seen lately is spent before it is
 * taken, and paid for with the next one, so that a client who stays within one slice (a
 * journalist reading a page and its cards) costs no database statement at all; a client
 * spread over N instances gets at most N slices more than the allowance. A client refused
 * is refused here until the shared bucket will have a token again. Not a bean, so that it
 * runs only where it is put.
 */
class RateLimit extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(RateLimit.class);

	/** The clients this instance keeps a slice for, the least recently seen forgotten. */
	private static final int MAX_TRACKED = 200_000;

	/**
	 * A client unseen for this long has a full bucket again, so what its slice still owed
	 * no longer matters.
	 */
	private static final Duration FORGOTTEN_AFTER = Duration.ofMinutes(2);

	private final SharedBuckets buckets;

	private final String scope;

	private final int perMinute;

	private final int slice;

	private final Function<HttpServletRequest, String> client;

	private final String who;

	/** What this instance may still spend of each client's tokens. */
	private final Cache<String, Slice> slices = Caffeine.newBuilder()
		.maximumSize(MAX_TRACKED)
		.expireAfterAccess(FORGOTTEN_AFTER)
		// its upkeep on the request's thread: cheaper than waking another at this rate
		.executor(Runnable::run)
		.build();

	/**
	 * Tokens this instance may spend ({@code left}), how many of them the shared bucket
	 * has not been charged for yet ({@code owed}), and until when the client is refused
	 * (milliseconds since the epoch).
	 */
	private static final class Slice {

		final AtomicInteger left;

		final AtomicInteger owed;

		volatile long refusedUntil;

		Slice(int tokens) {
			this.left = new AtomicInteger(tokens);
			this.owed = new AtomicInteger(tokens);
		}

		boolean spend() {
			return left.getAndUpdate(tokens -> tokens > 0 ? tokens - 1 : 0) > 0;
		}

	}

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
		this.slice = Math.max(1, perMinute / 10);
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
		if (admits(request, response)) {
			chain.doFilter(request, response);
		}
	}

	/**
	 * Counts the request against its client's allowance: true when it is within it, else
	 * false with the 429 written.
	 */
	boolean admits(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (perMinute == 0 || free.matches(request)) {
			return true;
		}
		long wait = take(client.apply(request));
		if (wait == 0) {
			return true;
		}
		long seconds = Math.max(1, TimeUnit.MILLISECONDS.toSeconds(wait + 999));
		ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
				"Too many requests from " + who + ". Try again in " + seconds + " seconds.");
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		if (ErrorPages.wantsPage(request)) {
			response.setContentType("text/html;charset=UTF-8");
			response.getWriter().write(ErrorPages.page("Too many requests", problem.getDetail()));
		}
		else {
			Problems.write(request, response, problem);
		}
		return false;
	}

	/**
	 * Takes a token: from this instance's slice when it has one, else a new slice from
	 * the shared bucket. 0 when there was one, else the milliseconds until there will be.
	 */
	private long take(String key) {
		Slice mine = slices.get(key, k -> new Slice(slice));
		if (mine.spend()) {
			return 0;
		}
		long now = System.currentTimeMillis();
		if (now < mine.refusedUntil) {
			return mine.refusedUntil - now;
		}
		int owed = mine.owed.getAndSet(0);
		SharedBuckets.Grant grant;
		try {
			grant = buckets.take(scope, key, perMinute, slice, owed);
		}
		catch (DataAccessException unreachable) {
			// the database's own answer (503) follows; the limit does not add to it
			mine.owed.addAndGet(owed);
			log.debug("Rate limit not checked, the database is unreachable: {}", unreachable.toString());
			return 0;
		}
		if (grant.tokens() == 0) {
			mine.refusedUntil = now + grant.waitMillis();
			return grant.waitMillis();
		}
		mine.left.addAndGet(grant.tokens() - 1);
		return 0;
	}

}

package org.pressdesk.article;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.pressdesk.exchange.CardFormat;
import org.pressdesk.security.KeptPublicResponses;
import org.pressdesk.system.InvalidInput;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * The public side's responses in memory, so that a journalist's request costs no database
 * statement (and is answered ahead of the rest of the service,
 * {@link KeptPublicResponses}): each rendered page or card set is kept under its slug and
 * variant until a change to its article or to anyone shown on it comes by in the change
 * log ({@link PublicResponsesFollower}: at once after this instance's own commits, within
 * a quarter of a second for other instances'). While the follower is behind (the database
 * away), nothing is served from here: the database is asked as if nothing were kept.
 */
@Component
class PublicResponses implements KeptPublicResponses {

	/**
	 * The bytes kept at most: some thousands of articles' pages and cards, enough for
	 * those journalists are reading this week; the least used go first.
	 */
	private static final long CAPACITY_BYTES = 32L * 1024 * 1024;

	/**
	 * How long after the follower last caught up the kept responses are still served:
	 * "about a second behind" on an instance that did not make the change.
	 */
	private static final long CURRENT_FOR_NANOS = TimeUnit.SECONDS.toNanos(2);

	/**
	 * Caches (a CDN) may keep the responses but must ask again each time; the ETag makes
	 * that cheap (304), and a changed phone number is served the moment it changes.
	 */
	static final String REVALIDATED = CacheControl.noCache().cachePublic().getHeaderValue();

	/** A response as rendered, with the ETag of its bytes. */
	record Rendered(String etag, String contentType, String disposition,
			byte[] body) implements KeptPublicResponses.Kept {

		Rendered(String contentType, String disposition, byte[] body) {
			this(etagOf(body), contentType, disposition, body);
		}

		/** The response, or 304 when the request's If-None-Match names its ETag. */
		@Override
		public void writeTo(HttpServletRequest request, HttpServletResponse response) throws IOException {
			response.setHeader(HttpHeaders.CACHE_CONTROL, REVALIDATED);
			if (isConditional(request) && new ServletWebRequest(request, response).checkNotModified(etag)) {
				return;
			}
			response.setHeader(HttpHeaders.ETAG, etag);
			response.setContentType(contentType);
			if (disposition != null) {
				response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition);
			}
			response.setContentLength(body.length);
			response.getOutputStream().write(body);
		}

		private static boolean isConditional(HttpServletRequest request) {
			return request.getHeader(HttpHeaders.IF_NONE_MATCH) != null
					|| request.getHeader(HttpHeaders.IF_MATCH) != null;
		}

		private static String etagOf(byte[] body) {
			try {
				byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
				return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException("every Java runtime has SHA-256", ex);
			}
		}

	}

	/** What a response was rendered from: the article and the people shown on it. */
	private record Entry(String articleId, Set<String> personIds, Rendered rendered) {
	}

	private final Cache<String, Entry> kept = Caffeine.newBuilder()
		.maximumWeight(CAPACITY_BYTES)
		.weigher((String key, Entry entry) -> entry.rendered().body().length)
		// its upkeep on the request's thread: cheaper than waking another at this rate
		.executor(Runnable::run)
		.build();

	/** Counts the changes forgotten: a rendering started before one is not kept. */
	private final AtomicLong forgotten = new AtomicLong();

	/** When the follower last caught up with the change log; 0 before it first did. */
	private volatile long caughtUpAt;

	private volatile boolean following;

	/** The variants of an article's public responses. */
	static final String PAGE = "page";

	static String allCards(CardFormat format) {
		return "all:" + format;
	}

	static String oneCard(String personId, CardFormat format) {
		return "one:" + personId + ":" + format;
	}

	/**
	 * The press pages' addresses exactly as {@link PressPages} writes them (nothing
	 * encoded, nothing extra): anything else is left to the service and its firewall.
	 */
	private static final Pattern PRESS_PATH = Pattern
		.compile("/press/([a-z0-9-]+)(?:(/contacts\\.vcf)|/contacts/([0-9a-f-]{36})\\.vcf)?");

	@Override
	public Rendered find(HttpServletRequest request) {
		Matcher path = PRESS_PATH.matcher(request.getRequestURI());
		if (!"GET".equals(request.getMethod()) || !path.matches()) {
			return null;
		}
		if (path.group(2) == null && path.group(3) == null) {
			return get(path.group(1), PAGE);
		}
		String[] version = request.getParameterValues("version");
		String[] target = request.getParameterValues("target");
		if (version != null && version.length > 1 || target != null && target.length > 1) {
			return null;
		}
		CardFormat format;
		try {
			format = CardFormat.of(version == null ? null : version[0], target == null ? null : target[0], null);
		}
		catch (InvalidInput wrongFormat) {
			return null;
		}
		return get(path.group(1), path.group(3) == null ? allCards(format) : oneCard(path.group(3), format));
	}

	/** The response kept for this slug and variant, or null. */
	Rendered get(String slug, String variant) {
		if (!isCurrent()) {
			return null;
		}
		Entry response = kept.getIfPresent(slug + "|" + variant);
		return response == null ? null : response.rendered();
	}

	/**
	 * Where the changes stand before reading a block: pass it to {@link #keep}, which
	 * keeps nothing read before a change that has been forgotten since.
	 */
	long mark() {
		return forgotten.get();
	}

	void keep(long mark, String slug, String variant, PublicBlock block, Rendered rendered) {
		if (!isCurrent()) {
			return;
		}
		String key = slug + "|" + variant;
		kept.put(key, new Entry(block.article().id(),
				block.contacts().stream().map(c -> c.person().id()).collect(Collectors.toUnmodifiableSet()), rendered));
		// checked after: a change forgotten in between either counted before this check
		// or removes this response itself
		if (forgotten.get() != mark) {
			kept.invalidate(key);
		}
	}

	/** Changes to these articles and people: their responses are rendered again. */
	void forget(Set<String> articleIds, Set<String> personIds) {
		if (articleIds.isEmpty() && personIds.isEmpty()) {
			return;
		}
		forgotten.incrementAndGet();
		kept.asMap()
			.values()
			.removeIf(response -> articleIds.contains(response.articleId())
					|| response.personIds().stream().anyMatch(personIds::contains));
	}

	/** The follower read every change committed until now. */
	void caughtUp() {
		caughtUpAt = System.nanoTime();
		following = true;
	}

	private boolean isCurrent() {
		return following && System.nanoTime() - caughtUpAt < CURRENT_FOR_NANOS;
	}

}

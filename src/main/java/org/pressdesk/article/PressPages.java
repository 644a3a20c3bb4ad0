package org.pressdesk.article;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.pressdesk.article.RenderedResponses.Rendered;
import org.pressdesk.exchange.CardFiles;
import org.pressdesk.exchange.CardFormat;
import org.pressdesk.person.PersonRedirects;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;

/**
 * What journalists see without an account: the contact block of a published article as a
 * page and as vCards. Whatever is not there — an unknown slug, a draft, an archived
 * article, a person not shown on it — is the same 404, so the answers say nothing about
 * what exists.
 *
 * <p>
 * Each request first reads the block's version (one narrow statement); a conditional
 * request that still matches gets 304, and a response rendered from that same version is
 * served again from memory. Only a changed block is read in full and rendered.
 */
@RestController
@RequestMapping("/press")
class PressPages {

	/**
	 * Caches (a CDN) may keep the responses but must ask again each time; the ETag makes
	 * that cheap (304), and a changed phone number is served the moment it changes.
	 */
	private static final CacheControl REVALIDATED = CacheControl.noCache().cachePublic();

	private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

	private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

	private static final String NOT_FOUND = "Not found. The article may not be published, or the link may be out of date.";

	private final PublicBlockRepository articles;

	private final ArticleCards cards;

	private final RenderedResponses rendered;

	private final ITemplateEngine templates;

	private final PersonRedirects redirects;

	private final byte[] notFoundPage;

	PressPages(PublicBlockRepository articles, ArticleCards cards, RenderedResponses rendered,
			ITemplateEngine templates, PersonRedirects redirects) {
		this.redirects = redirects;
		this.articles = articles;
		this.cards = cards;
		this.rendered = rendered;
		this.templates = templates;
		Context context = new Context();
		context.setVariable("message", NOT_FOUND);
		this.notFoundPage = templates.process("article/not-found", context).getBytes(StandardCharsets.UTF_8);
	}

	@GetMapping("/{slug}")
	ResponseEntity<byte[]> page(@PathVariable String slug, WebRequest request) {
		return respond(slug, "page", null, request, block -> {
			Context context = new Context();
			context.setVariable("block", block);
			return Optional.of(new Rendered(null, HTML.toString(), null,
					templates.process("article/press", context).getBytes(StandardCharsets.UTF_8)));
		});
	}

	@GetMapping("/{slug}/contacts.vcf")
	ResponseEntity<byte[]> allCards(@PathVariable String slug, @RequestParam(required = false) String version,
			@RequestParam(required = false) String target, WebRequest request) {
		CardFormat format = CardFormat.of(version, target, null);
		return respond(slug, "all:" + format, null, request,
				block -> Optional.of(cardsOf(block, format, slug + "-contacts")));
	}

	@GetMapping("/{slug}/contacts/{personId}.vcf")
	ResponseEntity<byte[]> oneCard(@PathVariable String slug, @PathVariable String personId,
			@RequestParam(required = false) String version, @RequestParam(required = false) String target,
			WebRequest request) {
		CardFormat format = CardFormat.of(version, target, null);
		return respond(slug, "one:" + personId + ":" + format, personId, request, block -> block.of(personId)
			.map(one -> cardsOf(one, format, one.contacts().get(0).person().displayName())));
	}

	/**
	 * @param personId when the response is about one person: it must be shown on the
	 * article
	 * @param render the response from the whole block; empty for a 404
	 */
	private ResponseEntity<byte[]> respond(String slug, String variant, String personId, WebRequest request,
			Function<PublicBlock, Optional<Rendered>> render) {
		if (!ArticleInput.isSlug(slug)) {
			// "Some-Slug " would find some-slug (the database compares without case or
			// trailing spaces) and be cached once more under each spelling
			return notFound(!variant.equals("page"));
		}
		Optional<PublicBlock.Version> published = articles.publicVersion(slug);
		Optional<PublicBlock.Version> version = published.filter(v -> personId == null || v.shows(personId));
		if (version.isEmpty()) {
			Optional<String> merged = published.isEmpty() || personId == null ? Optional.empty()
					: redirects.current(personId).filter(published.get()::shows);
			return merged.isPresent() ? mergedInto(slug, merged.get(), request) : notFound(!variant.equals("page"));
		}
		String key = slug + "|" + variant;
		Rendered response = rendered.get(key, version.get().etag());
		if (response == null) {
			Optional<PublicBlock> block = articles.publicBlock(slug);
			Optional<Rendered> fresh = block.flatMap(render);
			if (fresh.isEmpty()) {
				return notFound(!variant.equals("page"));
			}
			// the version of what was rendered, which a change since the version check
			// may have moved on
			response = fresh.get().of(block.get().version().etag());
			rendered.put(key, response);
		}
		if (request.checkNotModified(response.etag())) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
				.eTag(response.etag())
				.cacheControl(REVALIDATED)
				.build();
		}
		var ok = ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_TYPE, response.contentType())
			.eTag(response.etag())
			.cacheControl(REVALIDATED);
		if (response.disposition() != null) {
			ok.header(HttpHeaders.CONTENT_DISPOSITION, response.disposition());
		}
		return ok.body(response.body());
	}

	/**
	 * A card of a person merged into one shown on the article: the same address with the
	 * kept person's id, so that a link in a CMS keeps working. Asked again each time, as
	 * an undone merge makes the old address the merged person's again.
	 */
	private static ResponseEntity<byte[]> mergedInto(String slug, String keptId, WebRequest request) {
		String query = ((ServletWebRequest) request).getRequest().getQueryString();
		return ResponseEntity.status(HttpStatus.PERMANENT_REDIRECT)
			.location(
					URI.create("/press/" + slug + "/contacts/" + keptId + ".vcf" + (query == null ? "" : "?" + query)))
			.cacheControl(REVALIDATED)
			.build();
	}

	private Rendered cardsOf(PublicBlock block, CardFormat format, String fileName) {
		CardFiles.Download download = CardFiles.download(cards.forPublic(block, format), format, fileName);
		return new Rendered(null, download.type().toString(), download.disposition(), download.body());
	}

	private ResponseEntity<byte[]> notFound(boolean card) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.contentType(card ? TEXT : HTML)
			.body(card ? (NOT_FOUND + "\n").getBytes(StandardCharsets.UTF_8) : notFoundPage);
	}

}

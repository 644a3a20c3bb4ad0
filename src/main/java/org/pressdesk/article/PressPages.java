package org.pressdesk.article;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.pressdesk.article.PublicResponses.Rendered;
import org.pressdesk.exchange.CardFiles;
import org.pressdesk.exchange.CardFormat;
import org.pressdesk.person.PersonRedirects;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What journalists see without an account: the contact block of a published article as a
 * page and as vCards. Whatever is not there — an unknown slug, a draft, an archived
 * article, a person not shown on it — is the same 404, so the answers say nothing about
 * what exists.
 *
 * <p>
 * Responses are served from memory ({@link PublicResponses}); only the first request
 * after a change reads the block and renders it. A conditional request whose ETag (a hash
 * of the bytes) still matches gets 304.
 */
@RestController
@RequestMapping("/press")
class PressPages {

	private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

	private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

	private static final String NOT_FOUND = "Not found. The article may not be published, or the link may be out of date.";

	private final PublicBlockRepository articles;

	private final ArticleCards cards;

	private final PublicResponses kept;

	private final ITemplateEngine templates;

	private final PersonRedirects redirects;

	private final byte[] notFoundPage;

	PressPages(PublicBlockRepository articles, ArticleCards cards, PublicResponses kept, ITemplateEngine templates,
			PersonRedirects redirects) {
		this.redirects = redirects;
		this.articles = articles;
		this.cards = cards;
		this.kept = kept;
		this.templates = templates;
		Context context = new Context();
		context.setVariable("message", NOT_FOUND);
		this.notFoundPage = templates.process("article/not-found", context).getBytes(StandardCharsets.UTF_8);
	}

	@GetMapping("/{slug}")
	void page(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response) throws IOException {
		respond(slug, PublicResponses.PAGE, null, request, response, block -> {
			Context context = new Context();
			context.setVariable("block", block);
			return Optional.of(new Rendered(HTML.toString(), null,
					templates.process("article/press", context).getBytes(StandardCharsets.UTF_8)));
		});
	}

	@GetMapping("/{slug}/contacts.vcf")
	void allCards(@PathVariable String slug, @RequestParam(required = false) String version,
			@RequestParam(required = false) String target, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		CardFormat format = CardFormat.of(version, target, null);
		respond(slug, PublicResponses.allCards(format), null, request, response,
				block -> Optional.of(cardsOf(block, format, slug + "-contacts")));
	}

	@GetMapping("/{slug}/contacts/{personId}.vcf")
	void oneCard(@PathVariable String slug, @PathVariable String personId,
			@RequestParam(required = false) String version, @RequestParam(required = false) String target,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		CardFormat format = CardFormat.of(version, target, null);
		respond(slug, PublicResponses.oneCard(personId, format), personId, request, response,
				block -> block.of(personId)
					.map(one -> cardsOf(one, format, one.contacts().get(0).person().displayName())));
	}

	/**
	 * @param personId when the response is about one person: it must be shown on the
	 * article
	 * @param render the response from the whole block; empty for a 404
	 */
	private void respond(String slug, String variant, String personId, HttpServletRequest request,
			HttpServletResponse response, Function<PublicBlock, Optional<Rendered>> render) throws IOException {
		boolean card = !variant.equals(PublicResponses.PAGE);
		if (!ArticleInput.isSlug(slug)) {
			// "Some-Slug " would find some-slug (the database compares without case or
			// trailing spaces) and be kept once more under each spelling
			notFound(card, response);
			return;
		}
		Rendered found = kept.get(slug, variant);
		if (found == null) {
			long mark = kept.mark();
			Optional<PublicBlock> block = articles.publicBlock(slug);
			Optional<Rendered> fresh = block.flatMap(render);
			if (fresh.isEmpty()) {
				Optional<String> merged = block.isEmpty() || personId == null ? Optional.empty()
						: redirects.current(personId).filter(keptId -> block.get().of(keptId).isPresent());
				if (merged.isPresent()) {
					mergedInto(slug, merged.get(), request, response);
				}
				else {
					notFound(card, response);
				}
				return;
			}
			found = fresh.get();
			kept.keep(mark, slug, variant, block.get(), found);
		}
		found.writeTo(request, response);
	}

	/**
	 * A card of a person merged into one shown on the article: the same address with the
	 * kept person's id, so that a link in a CMS keeps working. Asked again each time, as
	 * an undone merge makes the old address the merged person's again.
	 */
	private static void mergedInto(String slug, String keptId, HttpServletRequest request,
			HttpServletResponse response) {
		String query = request.getQueryString();
		response.setStatus(HttpStatus.PERMANENT_REDIRECT.value());
		response.setHeader(HttpHeaders.LOCATION,
				"/press/" + slug + "/contacts/" + keptId + ".vcf" + (query == null ? "" : "?" + query));
		response.setHeader(HttpHeaders.CACHE_CONTROL, PublicResponses.REVALIDATED);
	}

	private Rendered cardsOf(PublicBlock block, CardFormat format, String fileName) {
		CardFiles.Download download = CardFiles.download(cards.forPublic(block, format), format, fileName);
		return new Rendered(download.type().toString(), download.disposition(), download.body());
	}

	private void notFound(boolean card, HttpServletResponse response) throws IOException {
		byte[] body = card ? (NOT_FOUND + "\n").getBytes(StandardCharsets.UTF_8) : notFoundPage;
		response.setStatus(HttpStatus.NOT_FOUND.value());
		response.setContentType((card ? TEXT : HTML).toString());
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}

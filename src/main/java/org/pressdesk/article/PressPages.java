package org.pressdesk.article;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.pressdesk.vcard.CardFiles;
import org.pressdesk.vcard.CardFormat;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;

/**
 * What journalists see without an account: the contact block of a published article as a page
 * and as vCards. Whatever is not there — an unknown slug, a draft, an archived article, a person
 * not shown on it — is the same 404, so the answers say nothing about what exists.
 */
@Controller
@RequestMapping("/press")
class PressPages {

	/**
	 * Caches (a CDN) may keep the responses but must ask again each time; the ETag makes that
	 * cheap (304), and a changed phone number is served the moment it changes.
	 */
	private static final CacheControl REVALIDATED = CacheControl.noCache().cachePublic();

	private static final String NOT_FOUND = "Not found. The article may not be published, or the link may be out of date.\n";

	private final ArticleRepository articles;

	private final ArticleCards cards;

	PressPages(ArticleRepository articles, ArticleCards cards) {
		this.articles = articles;
		this.cards = cards;
	}

	@GetMapping("/{slug}")
	String page(@PathVariable String slug, WebRequest request, HttpServletResponse response, Model model) {
		Optional<PublicBlock> block = articles.publicBlock(slug);
		if (block.isEmpty()) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			model.addAttribute("message", NOT_FOUND.strip());
			return "article/not-found";
		}
		response.setHeader(HttpHeaders.CACHE_CONTROL, REVALIDATED.getHeaderValue());
		if (request.checkNotModified(block.get().etag())) {
			return null;
		}
		model.addAttribute("block", block.get());
		return "article/press";
	}

	@GetMapping("/{slug}/contacts.vcf")
	ResponseEntity<byte[]> allCards(@PathVariable String slug, @RequestParam(required = false) String version,
			@RequestParam(required = false) String target, WebRequest request) {
		return cardsOf(articles.publicBlock(slug), slug + "-contacts", version, target, request);
	}

	@GetMapping("/{slug}/contacts/{personId}.vcf")
	ResponseEntity<byte[]> oneCard(@PathVariable String slug, @PathVariable String personId,
			@RequestParam(required = false) String version, @RequestParam(required = false) String target,
			WebRequest request) {
		Optional<PublicBlock> block = articles.publicBlock(slug).flatMap(b -> b.of(personId));
		return cardsOf(block, block.map(b -> b.contacts().get(0).person().displayName()).orElse(""), version, target,
				request);
	}

	private ResponseEntity<byte[]> cardsOf(Optional<PublicBlock> block, String fileName, String version,
			String target, WebRequest request) {
		if (block.isEmpty()) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
				.body(NOT_FOUND.getBytes(StandardCharsets.UTF_8));
		}
		if (request.checkNotModified(block.get().etag())) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).cacheControl(REVALIDATED).eTag(block.get().etag()).build();
		}
		CardFormat format = CardFormat.of(version, target, null);
		return ResponseEntity.ok()
			.contentType(CardFiles.VCARD)
			.header(HttpHeaders.CONTENT_DISPOSITION, CardFiles.attachment(fileName))
			.eTag(block.get().etag())
			.cacheControl(REVALIDATED)
			.body(CardFiles.toBytes(cards.forPublic(block.get(), format), format));
	}

}

package org.pressdesk.article;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

import org.pressdesk.audit.AuditTrail.Action;
import org.pressdesk.audit.AuditTrail.Entity;
import org.pressdesk.audit.AuditTrail;
import org.pressdesk.exchange.CardFiles;
import org.pressdesk.exchange.CardFormat;
import org.pressdesk.person.PersonRepository;
import org.pressdesk.web.Cursor;
import org.pressdesk.web.ETags;
import org.pressdesk.web.MergePatch;
import org.pressdesk.web.Page;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/** Articles and their contact blocks, for staff and the CMS. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Articles")
class ArticleApi {

	private final ArticleRepository repository;

	private final Articles articles;

	private final ArticleCards cards;

	private final PersonRepository people;

	private final AuditTrail audit;

	ArticleApi(ArticleRepository repository, Articles articles, ArticleCards cards, PersonRepository people,
			AuditTrail audit) {
		this.repository = repository;
		this.articles = articles;
		this.cards = cards;
		this.people = people;
		this.audit = audit;
	}

	/**
	 * List articles, newest first.
	 * @param q words of the title
	 * @param externalRef the article with this reference of the CMS
	 */
	@GetMapping("/articles")
	Page<Article> listArticles(@RequestParam(required = false) String q,
			@RequestParam(required = false) ArticleStatus status, @RequestParam(required = false) String externalRef,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		return repository.list(q, status, externalRef, Cursor.decode(cursor), Cursor.limit(limit));
	}

	/**
	 * Create an article, with its contact block if {@code contacts} is given: article,
	 * status and block are written in one transaction. The slug is made from the title
	 * when not given ({@code -2}, {@code -3}… when taken).
	 */
	@PostMapping("/articles")
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<Article> createArticle(@RequestBody ArticleWrite body) {
		Article created = articles.create(body.article(), body.contacts());
		return ResponseEntity.created(URI.create("/api/v1/articles/" + created.id()))
			.eTag(ETags.of(created.version()))
			.body(created);
	}

	/** Get an article with its contact block. */
	@GetMapping("/articles/{id}")
	ResponseEntity<Article> getArticle(@PathVariable String id, WebRequest request) {
		Article article = repository.get(id);
		if (request.checkNotModified(ETags.of(article.version()))) {
			return null;
		}
		return ResponseEntity.ok().eTag(ETags.of(article.version())).body(article);
	}

	/**
	 * Change an article (a JSON merge patch); publishing it ({@code status: PUBLISHED})
	 * records what its contacts show as published.
	 */
	@PatchMapping(path = "/articles/{id}", consumes = { MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<Article> patchArticle(@PathVariable String id,
			@RequestBody @MergePatch.Of(ArticleInput.class) JsonNode patch,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		Article updated = articles.patch(id, patch, ifMatch);
		return ResponseEntity.ok().eTag(ETags.of(updated.version())).body(updated);
	}

	/** Delete an article and its contact block. */
	@DeleteMapping("/articles/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	ResponseEntity<Void> deleteArticle(@PathVariable String id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		articles.delete(id, ifMatch);
		return ResponseEntity.noContent().build();
	}

	/**
	 * Create or update an article by the CMS's own reference, with its contact block if
	 * the body has {@code contacts}: article, status and block in one transaction, so a
	 * published article never shows an empty block. 201 the first time, 200 after; the
	 * same request again changes nothing, not even the version; concurrent first calls
	 * create one article.
	 */
	@PutMapping("/articles/by-ref/{externalRef}")
	@ApiResponse(responseCode = "201", description = "Created.")
	@ApiResponse(responseCode = "200", description = "Updated, or unchanged.")
	ResponseEntity<Article> upsertArticleByRef(@PathVariable String externalRef, @RequestBody ArticleWrite body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		Articles.Written written = articles.putByReference(externalRef, body.article(), body.contacts(), ifMatch);
		Article article = written.article();
		var response = written.created() ? ResponseEntity.created(URI.create("/api/v1/articles/" + article.id()))
				: ResponseEntity.ok();
		return response.eTag(ETags.of(article.version())).body(article);
	}

	/**
	 * Replace the contact block: an ordered array of contacts, each shown with the given
	 * affiliation or, without one, the person's current one. All or nothing; the same
	 * block again changes nothing, not even the version.
	 */
	// an id is a UUID, never "by-ref": PUT /articles/by-ref/contacts is the article whose
	// reference is "contacts"
	@PutMapping("/articles/{id:[0-9a-fA-F-]{36}}/contacts")
	ResponseEntity<Article> replaceArticleContacts(@PathVariable String id, @RequestBody List<ContactInput> contacts,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		Article updated = articles.replaceContacts(id, contacts, ifMatch);
		return ResponseEntity.ok().eTag(ETags.of(updated.version())).body(updated);
	}

	/**
	 * Get every contact of an article in one .vcf, with what staff may see; for Outlook,
	 * which imports only the first card of a file, a .zip of one card per contact.
	 * @param version the vCard version
	 * @param target {@code outlook} for a .zip of cards Outlook reads whole
	 */
	@GetMapping("/articles/{id}/contacts/vcard")
	@ApiResponse(responseCode = "200", description = "The cards, as an attachment.",
			content = { @Content(mediaType = "text/vcard", schema = @Schema(type = "string")),
					@Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")) })
	ResponseEntity<byte[]> getArticleContactsVcard(@PathVariable String id,
			@RequestParam(required = false) @Parameter(
					schema = @Schema(allowableValues = { "3.0", "4.0" })) String version,
			@RequestParam(required = false) @Parameter(schema = @Schema(allowableValues = "outlook")) String target,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Parameter(hidden = true) String accept) {
		CardFormat format = CardFormat.of(version, target, accept);
		Article article = repository.get(id);
		audit.record(Action.EXPORTED, Entity.ARTICLE, id, List.of(), "contacts vCard " + format);
		CardFiles.Download download = CardFiles.download(cards.forStaff(article, format), format,
				article.slug() + "-contacts");
		return ResponseEntity.ok()
			.contentType(download.type())
			.header(HttpHeaders.CONTENT_DISPOSITION, download.disposition())
			.body(download.body());
	}

	/**
	 * List the articles a person is on, newest first, with their role; all of them, in
	 * one page.
	 */
	@GetMapping("/people/{id}/articles")
	Page<PersonArticle> listPersonArticles(@PathVariable String id) {
		if (!people.exists(id)) {
			throw people.missing(id);
		}
		return new Page<>(repository.articlesOf(id), null);
	}

}

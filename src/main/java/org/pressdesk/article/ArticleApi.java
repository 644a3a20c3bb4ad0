package org.pressdesk.article;

import java.net.URI;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.pressdesk.audit.AuditTrail;
import org.pressdesk.audit.AuditTrail.Action;
import org.pressdesk.audit.AuditTrail.Entity;
import org.pressdesk.exchange.CardFiles;
import org.pressdesk.exchange.CardFormat;
import org.pressdesk.person.PersonRepository;
import org.pressdesk.system.NotFound;
import org.pressdesk.web.Cursor;
import org.pressdesk.web.ETags;
import org.pressdesk.web.MergePatch;
import org.pressdesk.web.Page;

import org.springframework.http.HttpHeaders;
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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/** Articles and their contact blocks, for staff and the CMS. */
@RestController
@RequestMapping("/api/v1")
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

	@GetMapping("/articles")
	Page<Article> list(@RequestParam(required = false) String q, @RequestParam(required = false) ArticleStatus status,
			@RequestParam(required = false) String externalRef, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		return repository.list(q, status, externalRef, Cursor.decode(cursor), Cursor.limit(limit));
	}

	@PostMapping("/articles")
	ResponseEntity<Article> create(@RequestBody ArticleWrite body) {
		Article created = articles.create(body.article(), body.contacts());
		return ResponseEntity.created(URI.create("/api/v1/articles/" + created.id()))
			.eTag(ETags.of(created.version()))
			.body(created);
	}

	@GetMapping("/articles/{id}")
	ResponseEntity<Article> get(@PathVariable String id, WebRequest request) {
		Article article = repository.get(id);
		if (request.checkNotModified(ETags.of(article.version()))) {
			return null;
		}
		return ResponseEntity.ok().eTag(ETags.of(article.version())).body(article);
	}

	@PatchMapping(path = "/articles/{id}", consumes = { MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<Article> patch(@PathVariable String id, @RequestBody JsonNode patch,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		Article updated = articles.patch(id, patch, ifMatch);
		return ResponseEntity.ok().eTag(ETags.of(updated.version())).body(updated);
	}

	@DeleteMapping("/articles/{id}")
	ResponseEntity<Void> delete(@PathVariable String id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		articles.delete(id, ifMatch);
		return ResponseEntity.noContent().build();
	}

	/**
	 * The CMS's create-or-update by its own id, with the contact block if the body has
	 * one: 201 the first time, 200 after; the same request twice changes nothing more.
	 */
	@PutMapping("/articles/by-ref/{externalRef}")
	ResponseEntity<Article> putByReference(@PathVariable String externalRef, @RequestBody ArticleWrite body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		Articles.Written written = articles.putByReference(externalRef, body.article(), body.contacts(), ifMatch);
		Article article = written.article();
		var response = written.created() ? ResponseEntity.created(URI.create("/api/v1/articles/" + article.id()))
				: ResponseEntity.ok();
		return response.eTag(ETags.of(article.version())).body(article);
	}

	/**
	 * Replaces the ordered contact block; the body is a JSON array of {personId, role,
	 * affiliationId}.
	 */
	@PutMapping("/articles/{id}/contacts")
	ResponseEntity<Article> replaceContacts(@PathVariable String id, @RequestBody List<ContactInput> contacts,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		Article updated = articles.replaceContacts(id, contacts, ifMatch);
		return ResponseEntity.ok().eTag(ETags.of(updated.version())).body(updated);
	}

	/** Every contact of the article in one .vcf, with what staff may see. */
	@GetMapping("/articles/{id}/contacts/vcard")
	ResponseEntity<byte[]> contactCards(@PathVariable String id, @RequestParam(required = false) String version,
			@RequestParam(required = false) String target,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
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

	/** Where a person appears: every article naming them, newest first. */
	@GetMapping("/people/{id}/articles")
	Page<PersonArticle> articlesOf(@PathVariable String id) {
		if (!people.exists(id)) {
			throw new NotFound("person", id);
		}
		return new Page<>(repository.articlesOf(id), null);
	}

}

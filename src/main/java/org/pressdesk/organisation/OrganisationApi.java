package org.pressdesk.organisation;

import java.net.URI;

import tools.jackson.databind.JsonNode;

import org.pressdesk.web.Cursor;
import org.pressdesk.web.ETags;
import org.pressdesk.web.MergePatch;
import org.pressdesk.web.Page;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

@RestController
@RequestMapping("/api/v1/organisations")
class OrganisationApi {

	private final OrganisationRepository repository;

	private final Organisations organisations;

	OrganisationApi(OrganisationRepository repository, Organisations organisations) {
		this.repository = repository;
		this.organisations = organisations;
	}

	@GetMapping
	Page<Organisation> list(@RequestParam(required = false) String q,
			@RequestParam(name = "parent", required = false) String parentId,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		return repository.list(q, parentId, Cursor.decode(cursor), Cursor.limit(limit));
	}

	@PostMapping
	ResponseEntity<Organisation> create(@RequestBody OrganisationInput input) {
		Organisation created = organisations.create(input);
		return ResponseEntity.created(URI.create("/api/v1/organisations/" + created.id()))
			.eTag(ETags.of(created.version()))
			.body(created);
	}

	@GetMapping("/{id}")
	ResponseEntity<Organisation> get(@PathVariable String id, WebRequest request) {
		Organisation organisation = repository.get(id);
		if (request.checkNotModified(ETags.of(organisation.version()))) {
			return null;
		}
		return ResponseEntity.ok().eTag(ETags.of(organisation.version())).body(organisation);
	}

	@PatchMapping(path = "/{id}", consumes = { MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<Organisation> patch(@PathVariable String id, @RequestBody JsonNode patch,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		Organisation updated = organisations.patch(id, patch, ifMatch);
		return ResponseEntity.ok().eTag(ETags.of(updated.version())).body(updated);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		organisations.delete(id, ifMatch);
		return ResponseEntity.noContent().build();
	}

}

package org.pressdesk.organisation;

import java.net.URI;

import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

import org.pressdesk.web.Cursor;
import org.pressdesk.web.ETags;
import org.pressdesk.web.MergePatch;
import org.pressdesk.web.Page;

import org.springframework.http.HttpStatus;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/** Organisations, a tree through {@code parentId}. */
@RestController
@RequestMapping("/api/v1/organisations")
@Tag(name = "Organisations")
class OrganisationApi {

	private final OrganisationRepository repository;

	private final Organisations organisations;

	OrganisationApi(OrganisationRepository repository, Organisations organisations) {
		this.repository = repository;
		this.organisations = organisations;
	}

	/**
	 * List organisations by name.
	 * @param q words of the name or short name, without regard to accents or case
	 * @param parentId only the organisations directly below this one
	 */
	@GetMapping
	Page<Organisation> listOrganisations(@RequestParam(required = false) String q,
			@RequestParam(name = "parent", required = false) String parentId,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		return repository.list(q, parentId, Cursor.decode(cursor), Cursor.limit(limit));
	}

	/**
	 * Create an organisation, below {@code parentId} if given. Namesakes are allowed (two
	 * universities may each have a School of Engineering).
	 */
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<Organisation> createOrganisation(@RequestBody OrganisationInput input) {
		Organisation created = organisations.create(input);
		return ResponseEntity.created(URI.create("/api/v1/organisations/" + created.id()))
			.eTag(ETags.of(created.version()))
			.body(created);
	}

	/** Get an organisation. */
	@GetMapping("/{id}")
	ResponseEntity<Organisation> getOrganisation(@PathVariable String id, WebRequest request) {
		Organisation organisation = repository.get(id);
		if (request.checkNotModified(ETags.of(organisation.version()))) {
			return null;
		}
		return ResponseEntity.ok().eTag(ETags.of(organisation.version())).body(organisation);
	}

	/**
	 * Change an organisation (a JSON merge patch). A new {@code parentId} that would make
	 * a cycle is a 409; a rename moves the version of its people on.
	 */
	@PatchMapping(path = "/{id}", consumes = { MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<Organisation> patchOrganisation(@PathVariable String id,
			@RequestBody @MergePatch.Of(OrganisationInput.class) JsonNode patch,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		Organisation updated = organisations.patch(id, patch, ifMatch);
		return ResponseEntity.ok().eTag(ETags.of(updated.version())).body(updated);
	}

	/**
	 * Delete an organisation; one with organisations below it or people affiliated with
	 * it is a 409.
	 */
	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	ResponseEntity<Void> deleteOrganisation(@PathVariable String id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		organisations.delete(id, ifMatch);
		return ResponseEntity.noContent().build();
	}

}

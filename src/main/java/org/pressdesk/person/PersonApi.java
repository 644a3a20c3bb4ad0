package org.pressdesk.person;

import java.net.URI;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

import org.pressdesk.organisation.OrganisationRepository;
import org.pressdesk.system.NotFound;
import org.pressdesk.web.ETags;
import org.pressdesk.web.MergePatch;
import org.pressdesk.web.Page;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
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

/** People and their affiliations. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "People")
class PersonApi {

	private final PersonRepository repository;

	private final People people;

	private final PersonSearch search;

	private final OrganisationRepository organisations;

	private final ObjectProvider<PossibleDuplicates> duplicates;

	PersonApi(PersonRepository repository, People people, PersonSearch search, OrganisationRepository organisations,
			ObjectProvider<PossibleDuplicates> duplicates) {
		this.repository = repository;
		this.people = people;
		this.search = search;
		this.organisations = organisations;
		this.duplicates = duplicates;
	}

	/** The link relation of a new person's possible duplicates. */
	static final String DUPLICATES = "urn:pressdesk:rel:possible-duplicates";

	/**
	 * Search people. Every word of {@code q} must match, whole or as the start of a word:
	 * names (without regard to accents or case, with a typo, by sound, by nickname, by
	 * phonetic reading), emails, runs of 4 or more digits of a phone number, topics, and
	 * the organisations (with those above them), titles and departments of current
	 * affiliations; past affiliations rank last. Most relevant first, or by name.
	 * @param q the words to find; without it, everyone
	 * @param organisationId only people currently affiliated with this organisation or
	 * one below it
	 * @param topic only people with this topic
	 * @param sort {@code relevance} (the default with {@code q}) or {@code name}; a
	 * cursor belongs to its order
	 */
	@GetMapping("/people")
	Page<PersonJson> searchPeople(@RequestParam(required = false) String q,
			@RequestParam(name = "organisation", required = false) String organisationId,
			@RequestParam(required = false) String topic,
			@RequestParam(required = false) @Parameter(
					schema = @Schema(allowableValues = { "relevance", "name" })) String sort,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		return search.pageAsJson(q, organisationId, topic, sort, cursor, limit);
	}

	/**
	 * List the people of an organisation: those currently affiliated with it or with any
	 * organisation below it, by name.
	 */
	@GetMapping("/organisations/{id}/people")
	Page<PersonJson> listOrganisationPeople(@PathVariable String id, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		if (!organisations.exists(id)) {
			throw new NotFound("organisation", id);
		}
		return search.pageAsJson(null, id, null, null, cursor, limit);
	}

	/**
	 * Create a person. Emails and phones are INTERNAL unless marked PUBLIC; the first of
	 * each is primary unless another is marked. Phones are stored in E.164. When the new
	 * person may be the same as someone already there (a shared email, phone or LinkedIn
	 * profile, or a name alike), the answer links to those pairs: {@code Link:
	 * </api/v1/duplicates?person=…>; rel="urn:pressdesk:rel:possible-duplicates"}.
	 */
	@PostMapping("/people")
	@ResponseStatus(HttpStatus.CREATED)
	@ApiResponse(responseCode = "201", description = "Created.",
			headers = @Header(name = "Link",
					description = "When the person may be a duplicate: the pairs, rel=\"" + DUPLICATES + "\"",
					schema = @Schema(type = "string")))
	ResponseEntity<Person> createPerson(@RequestBody PersonInput input) {
		Person created = people.create(input);
		ResponseEntity.BodyBuilder answer = ResponseEntity.created(URI.create("/api/v1/people/" + created.id()))
			.eTag(ETags.of(created.version()));
		PossibleDuplicates possible = duplicates.getIfAvailable();
		if (possible != null && possible.countFor(created.id()) > 0) {
			answer.header(HttpHeaders.LINK,
					"</api/v1/duplicates?person=" + created.id() + ">; rel=\"" + DUPLICATES + "\"");
		}
		return answer.body(created);
	}

	/** Get a person, with their affiliations. */
	@GetMapping("/people/{id}")
	ResponseEntity<Person> getPerson(@PathVariable String id, WebRequest request) {
		Person person = repository.get(id);
		if (request.checkNotModified(ETags.of(person.version()))) {
			return null;
		}
		return ResponseEntity.ok().eTag(ETags.of(person.version())).body(person);
	}

	/**
	 * Change a person: a JSON merge patch of the fields of a create; arrays (emails,
	 * phones, topics) are replaced whole.
	 */
	@PatchMapping(path = "/people/{id}", consumes = { MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<Person> patchPerson(@PathVariable String id,
			@RequestBody @MergePatch.Of(PersonInput.class) JsonNode patch,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		Person updated = people.patch(id, patch, ifMatch);
		return ResponseEntity.ok().eTag(ETags.of(updated.version())).body(updated);
	}

	/**
	 * Delete a person. Someone on a PUBLISHED article is a 409 naming the articles,
	 * unless {@code force}.
	 * @param force take the person off every article first (the log records which)
	 */
	@DeleteMapping("/people/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	ResponseEntity<Void> deletePerson(@PathVariable String id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@RequestParam(defaultValue = "false") boolean force) {
		people.delete(id, ifMatch, force);
		return ResponseEntity.noContent().build();
	}

	/**
	 * Add an affiliation: a role at an organisation, with its dates. An affiliation is
	 * part of its person: it carries the person's ETag and moves the person's version on.
	 */
	@PostMapping("/people/{id}/affiliations")
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<Affiliation> addAffiliation(@PathVariable String id, @RequestBody AffiliationInput input,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		AffiliationOfPerson added = people.addAffiliation(id, input, ifMatch);
		return ResponseEntity.created(URI.create("/api/v1/people/" + id + "/affiliations/" + added.affiliation().id()))
			.eTag(ETags.of(added.personVersion()))
			.body(added.affiliation());
	}

	/** Get one affiliation of a person, with the person's ETag. */
	@GetMapping("/people/{id}/affiliations/{affiliationId}")
	ResponseEntity<Affiliation> getAffiliation(@PathVariable String id, @PathVariable String affiliationId) {
		Person person = repository.get(id);
		return ResponseEntity.ok().eTag(ETags.of(person.version())).body(person.affiliation(affiliationId));
	}

	/** Change an affiliation (a JSON merge patch); If-Match takes the person's ETag. */
	@PatchMapping(path = "/people/{id}/affiliations/{affiliationId}",
			consumes = { MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<Affiliation> patchAffiliation(@PathVariable String id, @PathVariable String affiliationId,
			@RequestBody @MergePatch.Of(AffiliationInput.class) JsonNode patch,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		AffiliationOfPerson updated = people.patchAffiliation(id, affiliationId, patch, ifMatch);
		return ResponseEntity.ok().eTag(ETags.of(updated.personVersion())).body(updated.affiliation());
	}

	/** Delete an affiliation (ended ones are better kept as history). */
	@DeleteMapping("/people/{id}/affiliations/{affiliationId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	ResponseEntity<Void> deleteAffiliation(@PathVariable String id, @PathVariable String affiliationId,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		people.deleteAffiliation(id, affiliationId, ifMatch);
		return ResponseEntity.noContent().build();
	}

}

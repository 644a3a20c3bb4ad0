package org.pressdesk.person;

import java.net.URI;
import tools.jackson.databind.JsonNode;

import org.pressdesk.organisation.OrganisationRepository;
import org.pressdesk.system.NotFound;
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
@RequestMapping("/api/v1")
class PersonApi {

	private final PersonRepository repository;

	private final People people;

	private final PersonSearch search;

	private final OrganisationRepository organisations;

	PersonApi(PersonRepository repository, People people, PersonSearch search, OrganisationRepository organisations) {
		this.repository = repository;
		this.people = people;
		this.search = search;
		this.organisations = organisations;
	}

	/**
	 * Searches names (with typos, sounds and nicknames), organisations with those above
	 * them, titles, departments, emails, phone digits and topics, most relevant first
	 * ({@code sort=name}: by name); see API.md.
	 */
	@GetMapping("/people")
	Page<Person> search(@RequestParam(required = false) String q,
			@RequestParam(name = "organisation", required = false) String organisationId,
			@RequestParam(required = false) String topic, @RequestParam(required = false) String sort,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		return search.page(q, organisationId, topic, sort, cursor, limit);
	}

	/** People currently affiliated with the organisation or any organisation below it. */
	@GetMapping("/organisations/{id}/people")
	Page<Person> peopleOf(@PathVariable String id, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		if (!organisations.exists(id)) {
			throw new NotFound("organisation", id);
		}
		return search.page(null, id, null, cursor, limit);
	}

	@PostMapping("/people")
	ResponseEntity<Person> create(@RequestBody PersonInput input) {
		Person created = people.create(input);
		return ResponseEntity.created(URI.create("/api/v1/people/" + created.id()))
			.eTag(ETags.of(created.version()))
			.body(created);
	}

	@GetMapping("/people/{id}")
	ResponseEntity<Person> get(@PathVariable String id, WebRequest request) {
		Person person = repository.get(id);
		if (request.checkNotModified(ETags.of(person.version()))) {
			return null;
		}
		return ResponseEntity.ok().eTag(ETags.of(person.version())).body(person);
	}

	@PatchMapping(path = "/people/{id}", consumes = { MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<Person> patch(@PathVariable String id, @RequestBody JsonNode patch,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		Person updated = people.patch(id, patch, ifMatch);
		return ResponseEntity.ok().eTag(ETags.of(updated.version())).body(updated);
	}

	@DeleteMapping("/people/{id}")
	ResponseEntity<Void> delete(@PathVariable String id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@RequestParam(defaultValue = "false") boolean force) {
		people.delete(id, ifMatch, force);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/people/{id}/affiliations")
	ResponseEntity<Affiliation> addAffiliation(@PathVariable String id, @RequestBody AffiliationInput input,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		AffiliationOfPerson added = people.addAffiliation(id, input, ifMatch);
		return ResponseEntity.created(URI.create("/api/v1/people/" + id + "/affiliations/" + added.affiliation().id()))
			.eTag(ETags.of(added.personVersion()))
			.body(added.affiliation());
	}

	@GetMapping("/people/{id}/affiliations/{affiliationId}")
	ResponseEntity<Affiliation> getAffiliation(@PathVariable String id, @PathVariable String affiliationId) {
		Person person = repository.get(id);
		return ResponseEntity.ok().eTag(ETags.of(person.version())).body(person.affiliation(affiliationId));
	}

	@PatchMapping(path = "/people/{id}/affiliations/{affiliationId}",
			consumes = { MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<Affiliation> patchAffiliation(@PathVariable String id, @PathVariable String affiliationId,
			@RequestBody JsonNode patch, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
		AffiliationOfPerson updated = people.patchAffiliation(id, affiliationId, patch, ifMatch);
		return ResponseEntity.ok().eTag(ETags.of(updated.personVersion())).body(updated.affiliation());
	}

	@DeleteMapping("/people/{id}/affiliations/{affiliationId}")
	ResponseEntity<Void> deleteAffiliation(@PathVariable String id, @PathVariable String affiliationId,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		people.deleteAffiliation(id, affiliationId, ifMatch);
		return ResponseEntity.noContent().build();
	}

}

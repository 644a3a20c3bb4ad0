package org.pressdesk.security;

import java.net.URI;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.pressdesk.web.ETags;
import org.pressdesk.web.Page;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Services and their API keys, for ADMINs. A key is in the answer that issues it, and
 * never again.
 */
@RestController
@RequestMapping("/api/v1/api-clients")
@Tag(name = "API clients")
class ApiClientApi {

	private final ApiClientRepository repository;

	private final ApiClients clients;

	ApiClientApi(ApiClientRepository repository, ApiClients clients) {
		this.repository = repository;
		this.clients = clients;
	}

	/** List the API clients, revoked ones too: all of them, in one page. */
	@GetMapping
	Page<ApiClient> listApiClients() {
		return new Page<>(repository.list(), null);
	}

	/**
	 * Create an API client with its scopes and, optionally, an expiry; the answer's
	 * {@code key} is shown this once, never again.
	 */
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<ApiClient> createApiClient(@RequestBody ApiClients.NewClient request) {
		ApiClient created = clients.create(request);
		return ResponseEntity.created(URI.create("/api/v1/api-clients/" + created.id()))
			.eTag(ETags.of(created.version()))
			.body(created);
	}

	/** Get an API client (never its key). */
	@GetMapping("/{id}")
	ResponseEntity<ApiClient> getApiClient(@PathVariable String id) {
		ApiClient client = repository.get(id);
		return ResponseEntity.ok().eTag(ETags.of(client.version())).body(client);
	}

	/**
	 * Issue a new key for an API client, shown this once; the old key stops working at
	 * once.
	 */
	@PostMapping("/{id}/rotate")
	ResponseEntity<ApiClient> rotateApiClientKey(@PathVariable String id) {
		ApiClient rotated = clients.rotate(id);
		return ResponseEntity.ok().eTag(ETags.of(rotated.version())).body(rotated);
	}

	/**
	 * Revoke an API client: its key stops working at once; the client stays listed,
	 * revoked.
	 */
	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	ResponseEntity<Void> revokeApiClient(@PathVariable String id) {
		clients.revoke(id);
		return ResponseEntity.noContent().build();
	}

}

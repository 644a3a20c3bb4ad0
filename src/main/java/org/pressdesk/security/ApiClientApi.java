package org.pressdesk.security;

import java.net.URI;

import org.pressdesk.web.Page;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Services and their API keys, for ADMINs. A key is in the answer that issues it, and
 * never again.
 */
@RestController
@RequestMapping("/api/v1/api-clients")
class ApiClientApi {

	private final ApiClientRepository repository;

	private final ApiClients clients;

	ApiClientApi(ApiClientRepository repository, ApiClients clients) {
		this.repository = repository;
		this.clients = clients;
	}

	/** Every one of them, as one page: a list like every other ({@code next} is null). */
	@GetMapping
	Page<ApiClient> list() {
		return new Page<>(repository.list(), null);
	}

	@PostMapping
	ResponseEntity<ApiClient> create(@RequestBody ApiClients.NewClient request) {
		ApiClient created = clients.create(request);
		return ResponseEntity.created(URI.create("/api/v1/api-clients/" + created.id())).body(created);
	}

	@GetMapping("/{id}")
	ApiClient get(@PathVariable String id) {
		return repository.get(id);
	}

	/** Issues a new key; the old one stops working at once. */
	@PostMapping("/{id}/rotate")
	ApiClient rotate(@PathVariable String id) {
		return clients.rotate(id);
	}

	/**
	 * Revokes the client: its key stops working at once; the client stays listed,
	 * revoked.
	 */
	@DeleteMapping("/{id}")
	ResponseEntity<Void> revoke(@PathVariable String id) {
		clients.revoke(id);
		return ResponseEntity.noContent().build();
	}

}

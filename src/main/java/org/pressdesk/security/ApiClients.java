package org.pressdesk.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.pressdesk.audit.AuditTrail.Action;
import org.pressdesk.audit.AuditTrail.Entity;
import org.pressdesk.audit.AuditTrail;
import org.pressdesk.system.FieldChecks;
import org.pressdesk.system.Ids;
import org.pressdesk.system.NotFound;
import org.pressdesk.web.RequestBodies;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issuing, rotating and revoking API keys; each a transaction. */
@Service
class ApiClients {

	private final ApiClientRepository clients;

	private final RequestBodies bodies;

	private final AuditTrail audit;

	private final Clock clock;

	ApiClients(ApiClientRepository clients, RequestBodies bodies, AuditTrail audit, Clock clock) {
		this.clients = clients;
		this.bodies = bodies;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * What an ADMIN writes to create a client; {@code expiresAt} absent means the key
	 * does not expire.
	 */
	record NewClient(@NotBlank @Size(max = 200) String name, @NotEmpty @Size(max = 8) List<String> scopes,
			Instant expiresAt) {
	}

	@Transactional
	public ApiClient create(NewClient request) {
		FieldChecks checks = new FieldChecks(bodies.violations(request));
		List<String> scopes = request.scopes() == null ? List.of() : request.scopes().stream().distinct().toList();
		for (int i = 0; i < scopes.size(); i++) {
			if (ApiScope.of(scopes.get(i)).isEmpty()) {
				checks.add("scopes[" + i + "]", "must be one of "
						+ String.join(", ", Arrays.stream(ApiScope.values()).map(ApiScope::scope).toList()));
			}
		}
		Instant now = Instant.now(clock);
		if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
			checks.add("expiresAt", "must be in the future");
		}
		checks.throwIfAny();
		String id = Ids.newId();
		ApiKeys.Issued key = ApiKeys.issue();
		clients.insert(id, request.name().strip(), scopes, request.expiresAt(), key.keyId(), key.secretHash(), now);
		audit.record(Action.CREATED, Entity.API_CLIENT, id, List.of(), "scopes " + String.join(" ", scopes));
		return clients.find(id).orElseThrow().withKey(key.key());
	}

	/** A new key; the old one stops working at once. A revoked client gets no new key. */
	@Transactional
	public ApiClient rotate(String id) {
		ApiKeys.Issued key = ApiKeys.issue();
		if (!clients.replaceKey(id, key.keyId(), key.secretHash(), Instant.now(clock))) {
			throw new NotFound("active API client", id);
		}
		audit.record(Action.KEY_ROTATED, Entity.API_CLIENT, id);
		return clients.find(id).orElseThrow().withKey(key.key());
	}

	@Transactional
	public void revoke(String id) {
		if (clients.revoke(id, Instant.now(clock))) {
			audit.record(Action.REVOKED, Entity.API_CLIENT, id);
		}
		else if (clients.find(id).isEmpty()) {
			throw new NotFound("API client", id);
		}
	}

}

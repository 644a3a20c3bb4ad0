package org.pressdesk.security;

import java.net.URI;

import org.pressdesk.web.ETags;
import org.pressdesk.web.MergePatch;
import org.pressdesk.web.Page;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff accounts, for ADMINs. */
@RestController
@RequestMapping("/api/v1/users")
class UserApi {

	private final UserRepository repository;

	private final Users users;

	UserApi(UserRepository repository, Users users) {
		this.repository = repository;
		this.users = users;
	}

	/** Every one of them, as one page: a list like every other ({@code next} is null). */
	@GetMapping
	Page<StaffUser> list() {
		return new Page<>(repository.list(), null);
	}

	@PostMapping
	ResponseEntity<StaffUser> create(@RequestBody Users.NewUser request) {
		StaffUser created = users.create(request);
		return ResponseEntity.created(URI.create("/api/v1/users/" + created.id()))
			.eTag(ETags.of(created.version()))
			.body(created);
	}

	@GetMapping("/{id}")
	ResponseEntity<StaffUser> get(@PathVariable String id) {
		StaffUser user = repository.get(id);
		return ResponseEntity.ok().eTag(ETags.of(user.version())).body(user);
	}

	/**
	 * Changes the role, enables or disables, or resets the password ({@code {"role",
	 * "enabled", "password"}}).
	 */
	@PatchMapping(path = "/{id}", consumes = { MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<StaffUser> change(@PathVariable String id, @RequestBody Users.UserChange change,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		StaffUser changed = users.change(id, change, ifMatch);
		return ResponseEntity.ok().eTag(ETags.of(changed.version())).body(changed);
	}

}

package org.pressdesk.security;

import java.net.URI;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.pressdesk.web.ETags;
import org.pressdesk.web.MergePatch;
import org.pressdesk.web.Page;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff accounts, for ADMINs. */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Staff users")
class UserApi {

	private final UserRepository repository;

	private final Users users;

	UserApi(UserRepository repository, Users users) {
		this.repository = repository;
		this.users = users;
	}

	/** List the staff users: all of them, in one page. */
	@GetMapping
	Page<StaffUser> listUsers() {
		return new Page<>(repository.list(), null);
	}

	/**
	 * Create a staff user with one role (VIEWER, EDITOR or ADMIN) and a password of at
	 * least 12 characters.
	 */
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<StaffUser> createUser(@RequestBody Users.NewUser request) {
		StaffUser created = users.create(request);
		return ResponseEntity.created(URI.create("/api/v1/users/" + created.id()))
			.eTag(ETags.of(created.version()))
			.body(created);
	}

	/** Get a staff user. */
	@GetMapping("/{id}")
	ResponseEntity<StaffUser> getUser(@PathVariable String id) {
		StaffUser user = repository.get(id);
		return ResponseEntity.ok().eTag(ETags.of(user.version())).body(user);
	}

	/**
	 * Change a staff user's role, enable or disable them, or reset their password; fields
	 * left out stay as they are. A disabled user is refused at once.
	 */
	@PatchMapping(path = "/{id}", consumes = { MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<StaffUser> patchUser(@PathVariable String id, @RequestBody Users.UserChange change,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		StaffUser changed = users.change(id, change, ifMatch);
		return ResponseEntity.ok().eTag(ETags.of(changed.version())).body(changed);
	}

}

package org.pressdesk.security;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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

	@GetMapping
	List<StaffUser> list() {
		return repository.list();
	}

	@PostMapping
	ResponseEntity<StaffUser> create(@RequestBody Users.NewUser request) {
		StaffUser created = users.create(request);
		return ResponseEntity.created(URI.create("/api/v1/users/" + created.id())).body(created);
	}

}

package org.pressdesk.security;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in staff user: who they are, and their own password. */
@RestController
@RequestMapping("/api/v1/me")
class MeApi {

	private final Users users;

	MeApi(Users users) {
		this.users = users;
	}

	record Me(String id, String username, Role role) {
	}

	@GetMapping
	Me me(@AuthenticationPrincipal StaffPrincipal staff) {
		return new Me(staff.userId(), staff.username(), staff.role());
	}

	record PasswordChange(String currentPassword, String newPassword) {
	}

	/** Sets a new password; the current one must be given. Open browser sessions end. */
	@PostMapping("/password")
	ResponseEntity<Void> changePassword(@AuthenticationPrincipal StaffPrincipal staff,
			@RequestBody PasswordChange change) {
		users.changeOwnPassword(staff.userId(), change.currentPassword(), change.newPassword());
		return ResponseEntity.noContent().build();
	}

}

package org.pressdesk.security;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.NonNull;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in staff user: who they are, and their own password. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Signed-in user")
class MeApi {

	private final Users users;

	MeApi(Users users) {
		this.users = users;
	}

	record Me(@NonNull String id, @NonNull String username, @NonNull Role role) {
	}

	/** Get the staff user calling: who they are and their role. */
	@GetMapping
	Me getMe(@AuthenticationPrincipal StaffPrincipal staff) {
		return new Me(staff.userId(), staff.username(), staff.role());
	}

	record PasswordChange(String currentPassword, String newPassword) {
	}

	/**
	 * Change the caller's own password; the current one must be given. Their open browser
	 * sessions end.
	 */
	@PostMapping("/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	ResponseEntity<Void> changeMyPassword(@AuthenticationPrincipal StaffPrincipal staff,
			@RequestBody PasswordChange change) {
		users.changeOwnPassword(staff.userId(), change.currentPassword(), change.newPassword());
		return ResponseEntity.noContent().build();
	}

}

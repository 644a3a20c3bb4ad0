package org.pressdesk.security;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.pressdesk.system.Conflict;
import org.pressdesk.system.InvalidInput;
import org.pressdesk.web.ETags;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Staff accounts and API clients, for ADMINs. A new key is on the page that issues it,
 * and never again.
 */
@Controller
class AdminPages {

	private final UserRepository userRepository;

	private final Users users;

	private final ApiClientRepository clientRepository;

	private final ApiClients clients;

	AdminPages(UserRepository userRepository, Users users, ApiClientRepository clientRepository, ApiClients clients) {
		this.userRepository = userRepository;
		this.users = users;
		this.clientRepository = clientRepository;
		this.clients = clients;
	}

	@GetMapping("/admin/users")
	String users(Model model) {
		model.addAttribute("users", userRepository.list());
		model.addAttribute("roles", Role.values());
		return "security/users";
	}

	@PostMapping("/admin/users")
	String createUser(@RequestParam String username, @RequestParam String password, @RequestParam Role role,
			Model model) {
		return savingUser(model, () -> users.create(new Users.NewUser(username, password, role)));
	}

	/** Role, enabled, and a new password when one is typed. */
	@PostMapping("/admin/users/{id}")
	String changeUser(@PathVariable String id, @RequestParam int version, @RequestParam Role role,
			@RequestParam(defaultValue = "false") boolean enabled, @RequestParam(required = false) String password,
			Model model) {
		return savingUser(model,
				() -> users.change(id,
						new Users.UserChange(role, enabled, password == null || password.isEmpty() ? null : password),
						ETags.of(version)));
	}

	/** Saves, then back to the list; a refusal is shown above it. */
	private String savingUser(Model model, Runnable save) {
		try {
			save.run();
			return "redirect:/admin/users?saved";
		}
		catch (InvalidInput ex) {
			model.addAttribute("error", ex.problems().get(0).field() + ": " + ex.problems().get(0).message());
		}
		catch (Conflict ex) {
			model.addAttribute("error", ex.getMessage());
		}
		return users(model);
	}

	@GetMapping("/admin/api-clients")
	String clients(Model model) {
		model.addAttribute("clients", clientRepository.list());
		model.addAttribute("scopes", List.of(ApiScope.values()).stream().map(ApiScope::scope).toList());
		return "security/api-clients";
	}

	@PostMapping("/admin/api-clients")
	String createClient(@RequestParam String name, @RequestParam(name = "scope", required = false) List<String> scopes,
			@RequestParam(required = false) LocalDate expires, Model model) {
		try {
			Instant expiresAt = expires == null ? null : expires.atStartOfDay(ZoneOffset.UTC).toInstant();
			return withKey(model,
					clients.create(new ApiClients.NewClient(name, scopes == null ? List.of() : scopes, expiresAt)));
		}
		catch (InvalidInput ex) {
			model.addAttribute("error", ex.problems().get(0).field() + ": " + ex.problems().get(0).message());
			return clients(model);
		}
	}

	@PostMapping("/admin/api-clients/{id}/rotate")
	String rotate(@PathVariable String id, Model model) {
		return withKey(model, clients.rotate(id));
	}

	@PostMapping("/admin/api-clients/{id}/revoke")
	String revoke(@PathVariable String id) {
		clients.revoke(id);
		return "redirect:/admin/api-clients?revoked";
	}

	/** The list, with the key just issued shown once above it. */
	private String withKey(Model model, ApiClient issued) {
		model.addAttribute("issued", issued);
		return clients(model);
	}

}

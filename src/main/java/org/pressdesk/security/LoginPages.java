package org.pressdesk.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page, with a way in through the identity provider when one is configured. */
@Controller
class LoginPages {

	private final List<ClientRegistration> identityProviders;

	LoginPages(ObjectProvider<ClientRegistrationRepository> registrations) {
		this.identityProviders = new ArrayList<>();
		if (registrations.getIfAvailable() instanceof Iterable<?> all) {
			all.forEach(registration -> identityProviders.add((ClientRegistration) registration));
		}
	}

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("identityProviders", identityProviders);
		return "security/login";
	}

}

package org.pressdesk.security;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page, and a start page for a signed-in user until the staff pages arrive. */
@Controller
class LoginPages {

	@GetMapping("/login")
	String login() {
		return "security/login";
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
		model.addAttribute("staff", staff);
		return "security/home";
	}

}

package org.pressdesk.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * Notes when the session logged in, for {@link AbsoluteSessionTimeout}; then goes where
 * the user was going.
 */
class LoginTimeRecorder extends SavedRequestAwareAuthenticationSuccessHandler {

	static final String LOGGED_IN_AT = LoginTimeRecorder.class.getName() + ".loggedInAt";

	LoginTimeRecorder(String defaultTarget) {
		setDefaultTargetUrl(defaultTarget);
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		request.getSession().setAttribute(LOGGED_IN_AT, System.currentTimeMillis());
		super.onAuthenticationSuccess(request, response, authentication);
	}

}

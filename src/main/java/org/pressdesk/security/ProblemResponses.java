package org.pressdesk.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.pressdesk.audit.AuditTrail;
import org.pressdesk.audit.AuditTrail.Action;
import org.pressdesk.database.DatabaseAvailability;
import org.pressdesk.web.ErrorPages;
import org.pressdesk.web.Problems;
import org.pressdesk.web.UnavailableResponses;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/** 401 and 403 for API clients, as problem details like every other error. */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final AuditTrail audit;

	private final DatabaseAvailability database;

	ProblemResponses(AuditTrail audit, DatabaseAvailability database) {
		this.audit = audit;
		this.database = database;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		if (database.isOutage(ex)) {
			// the user could not be looked up: not a matter of credentials
			UnavailableResponses.write(request, response);
			return;
		}
		if (ex instanceof LoginThrottled throttled) {
			response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
			write(request, response, HttpStatus.TOO_MANY_REQUESTS,
					"Too many failed logins from your address. Try again in " + throttled.retryAfterSeconds()
							+ " seconds.");
			return;
		}
		// a browser answered with a Basic challenge would offer its password prompt and
		// then keep the credentials, sending them along with any other site's form:
		// browsers are challenged for an API key only; programs (which send no Fetch
		// Metadata) may use Basic as well
		response.setHeader("WWW-Authenticate", request.getHeader("Sec-Fetch-Mode") != null
				? "Bearer realm=\"Pressdesk API\"" : "Basic realm=\"Pressdesk\", charset=\"UTF-8\"");
		write(request, response, HttpStatus.UNAUTHORIZED,
				request.getHeader("Authorization") == null
						? "Authentication is required: staff credentials (HTTP Basic) or an API key (Bearer)."
						: "The credentials are not valid.");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		audit.record(Action.ACCESS_DENIED, null, null, List.of(), request.getMethod() + " " + request.getRequestURI());
		boolean staleForm = ex instanceof CsrfException;
		if (ErrorPages.wantsPage(request)) {
			response.setStatus(HttpStatus.FORBIDDEN.value());
			response.setContentType("text/html;charset=UTF-8");
			response.getWriter()
				.write(staleForm
						? ErrorPages.page("Please send the form again",
								"The page this form came from has expired (you may have signed out or in since). "
										+ "Go back, reload the page and send it again.")
						: ErrorPages.page("Not allowed",
								"Your role does not allow this. An administrator can change your role."));
			return;
		}
		if (staleForm) {
			write(request, response, HttpStatus.FORBIDDEN,
					"The form's CSRF token is missing or no longer valid; reload the page.");
			return;
		}
		write(request, response, HttpStatus.FORBIDDEN, "Your role or your API key's scopes do not allow this request.");
	}

	private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			String detail) throws IOException {
		String kind = switch (status) {
			case UNAUTHORIZED -> "unauthorized";
			case TOO_MANY_REQUESTS -> "too-many-requests";
			default -> "forbidden";
		};
		Problems.write(request, response, Problems.of(status, kind, detail));
	}

}

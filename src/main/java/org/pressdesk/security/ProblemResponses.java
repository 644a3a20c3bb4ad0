package org.pressdesk.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.pressdesk.audit.AuditTrail;
import org.pressdesk.audit.AuditTrail.Action;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** 401 and 403 for API clients, as problem details like every other error. */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final JsonMapper mapper;

	private final AuditTrail audit;

	ProblemResponses(JsonMapper mapper, AuditTrail audit) {
		this.mapper = mapper;
		this.audit = audit;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		if (ex instanceof LoginThrottled throttled) {
			response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
			write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins from your address. Try again in "
					+ throttled.retryAfterSeconds() + " seconds.");
			return;
		}
		response.setHeader("WWW-Authenticate", "Basic realm=\"Pressdesk\", charset=\"UTF-8\"");
		write(response, HttpStatus.UNAUTHORIZED, request.getHeader("Authorization") == null
				? "Authentication is required: staff credentials (HTTP Basic) or an API key (Bearer)."
				: "The credentials are not valid.");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		audit.record(Action.ACCESS_DENIED, null, null, List.of(), request.getMethod() + " " + request.getRequestURI());
		write(response, HttpStatus.FORBIDDEN, "Your role or your API key's scopes do not allow this request.");
	}

	private void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		mapper.writeValue(response.getOutputStream(), problem);
	}

}

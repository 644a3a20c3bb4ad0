package org.pressdesk.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

/**
 * RFC 9457 problem details as every answer outside Spring MVC writes them (filters, the
 * security entry points): one shape, one writer. Inside Spring MVC, {@code ApiProblems}
 * returns the same {@link ProblemDetail}s.
 */
public final class Problems {

	/**
	 * With Spring's mixin, as its converters write a problem: extension members inline.
	 */
	private static final JsonMapper JSON = JsonMapper.builder()
		.addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
		.build();

	private Problems() {
	}

	/**
	 * The type URI of a kind of problem of ours: {@code urn:pressdesk:problem:<kind>}.
	 */
	public static URI type(String kind) {
		return URI.create("urn:pressdesk:problem:" + kind);
	}

	/** A problem of a kind of ours. */
	public static ProblemDetail of(HttpStatus status, String kind, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type(kind));
		return problem;
	}

	/**
	 * Writes the problem as the whole answer, naming the request's path as its instance.
	 */
	public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
			throws IOException {
		if (problem.getInstance() == null) {
			try {
				problem.setInstance(URI.create(request.getRequestURI()));
			}
			catch (IllegalArgumentException unusualPath) {
				// left out rather than repeated in a form that is not a URI
			}
		}
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JSON.writeValue(response.getOutputStream(), problem);
	}

}

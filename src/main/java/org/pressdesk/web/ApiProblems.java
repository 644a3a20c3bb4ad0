package org.pressdesk.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.pressdesk.system.Conflict;
import org.pressdesk.system.FieldProblem;
import org.pressdesk.system.InvalidInput;
import org.pressdesk.system.Moved;
import org.pressdesk.system.NotFound;
import org.pressdesk.system.StaleVersion;
import org.pressdesk.system.Unavailable;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns what went wrong into RFC 9457 problem details. Bad fields are listed in
 * {@code errors}; unexpected failures get a generic body, and their details go only to
 * the log.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	static final URI INVALID_INPUT = Problems.type("invalid-input");

	private final Outages outages;

	ApiProblems(Outages outages) {
		this.outages = outages;
	}

	@ExceptionHandler
	ResponseEntity<?> invalidInput(InvalidInput ex, HttpServletRequest request) {
		return answer(request, invalid(ex.problems()));
	}

	@ExceptionHandler
	ResponseEntity<?> notFound(NotFound ex, HttpServletRequest request) {
		return answer(request, problem(Problems.of(HttpStatus.NOT_FOUND, "not-found", ex.getMessage())));
	}

	/**
	 * A merged person's address answers with the kept person's: the same path and query
	 * with the id replaced, kept with its method and body (308), for programs and pages
	 * alike.
	 */
	@ExceptionHandler
	ResponseEntity<?> moved(Moved ex, HttpServletRequest request) {
		String query = request.getQueryString();
		URI location = URI.create(
				request.getRequestURI().replace("/" + ex.from(), "/" + ex.to()) + (query == null ? "" : "?" + query));
		if (ErrorPages.wantsPage(request)) {
			return ResponseEntity.status(HttpStatus.PERMANENT_REDIRECT).location(location).build();
		}
		return ResponseEntity.status(HttpStatus.PERMANENT_REDIRECT)
			.location(location)
			.body(Problems.of(HttpStatus.PERMANENT_REDIRECT, "merged", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<?> staleVersion(StaleVersion ex, HttpServletRequest request) {
		return answer(request, problem(Problems.of(HttpStatus.PRECONDITION_FAILED, "stale-version", ex.getMessage())));
	}

	@ExceptionHandler
	ResponseEntity<?> conflict(Conflict ex, HttpServletRequest request) {
		return answer(request, problem(Problems.of(HttpStatus.CONFLICT, "conflict", ex.getMessage())));
	}

	@ExceptionHandler
	void unavailable(Unavailable ex, HttpServletRequest request, HttpServletResponse response) throws IOException {
		UnavailableResponses.write(request, response, ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<?> duplicate(DuplicateKeyException ex, HttpServletRequest request) {
		log.info("Duplicate key: {}", ex.getMostSpecificCause().getMessage());
		return answer(request, problem(Problems.of(HttpStatus.CONFLICT, "conflict",
				"Another request changed the same data at the same time, or the value is already taken. Try again.")));
	}

	@ExceptionHandler
	ResponseEntity<?> lockFailure(PessimisticLockingFailureException ex, HttpServletRequest request) {
		return answer(request, problem(Problems.of(HttpStatus.CONFLICT, "conflict",
				"Another request changed the same data at the same time. Try again.")));
	}

	@ExceptionHandler
	ResponseEntity<?> typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
		return answer(request, invalid(List.of(new FieldProblem(ex.getName(), "has the wrong type or format"))));
	}

	/**
	 * A database that cannot be reached is a 503 (a page for a browser), logged once per
	 * outage by {@code DatabaseAvailability}; anything else unexpected is a 500 with the
	 * details in the log only.
	 */
	@ExceptionHandler
	ResponseEntity<?> unexpected(RuntimeException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		if (outages.isOutage(ex)) {
			UnavailableResponses.write(request, response);
			return null;
		}
		log.error(ex instanceof DataAccessException ? "Database failure" : "Unexpected failure", ex);
		return answer(request, problem(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side."));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		FieldProblem problem = ex.getMostSpecificCause() instanceof JacksonException jackson
				? RequestBodies.problemOf(jackson) : new FieldProblem("", "the body is missing or is not valid JSON");
		return answer(((ServletWebRequest) request).getRequest(), invalid(List.of(problem)));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		// Spring's own messages for its exceptions may quote internals; keep only the
		// status
		if (body instanceof ProblemDetail detail && statusCode.is5xxServerError()) {
			log.error("Failure in request handling", ex);
			detail.setDetail("Something went wrong on our side.");
		}
		ResponseEntity<Object> answer = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (answer != null && answer.getBody() instanceof ProblemDetail detail && statusCode.is4xxClientError()) {
			// Spring's problems are about:blank; ours name their kind, and the path they
			// are about
			HttpStatus status = HttpStatus.resolve(statusCode.value());
			if (status != null) {
				detail.setType(
						Problems.type(status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replace(' ', '-')));
			}
			if (detail.getInstance() == null) {
				detail.setInstance(URI.create(((ServletWebRequest) request).getRequest().getRequestURI()));
			}
		}
		if (answer != null && answer.getBody() instanceof ProblemDetail detail
				&& ErrorPages.wantsPage(((ServletWebRequest) request).getRequest())) {
			return ResponseEntity.status(answer.getStatusCode())
				.headers(answer.getHeaders())
				.contentType(PAGE)
				.body(ErrorPages.page(titleOf(detail), messageOf(detail)));
		}
		return answer;
	}

	/**
	 * The problem as it is for programs, or as a page for a person in a browser on a
	 * staff or press page.
	 */
	private static ResponseEntity<Object> answer(HttpServletRequest request, ResponseEntity<ProblemDetail> problem) {
		if (!ErrorPages.wantsPage(request)) {
			return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders()).body(problem.getBody());
		}
		ProblemDetail detail = problem.getBody();
		return ResponseEntity.status(problem.getStatusCode())
			.contentType(PAGE)
			.body(ErrorPages.page(titleOf(detail), messageOf(detail)));
	}

	private static final MediaType PAGE = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

	private static String titleOf(ProblemDetail detail) {
		return detail.getTitle() != null ? detail.getTitle() : HttpStatus.valueOf(detail.getStatus()).getReasonPhrase();
	}

	/** The detail, and for invalid input each field with what is wrong with it. */
	private static String messageOf(ProblemDetail detail) {
		String message = detail.getDetail() == null ? "" : detail.getDetail();
		if (detail.getProperties() != null && detail.getProperties().get("errors") instanceof List<?> errors) {
			message = errors.stream()
				.map(error -> error instanceof FieldProblem field ? field.field() + ": " + field.message()
						: String.valueOf(error))
				.reduce(message, (all, one) -> all + " " + one);
		}
		return message;
	}

	private static ResponseEntity<ProblemDetail> invalid(List<FieldProblem> problems) {
		ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has "
				+ (problems.size() == 1 ? "an invalid field" : problems.size() + " invalid fields") + "; see errors.");
		detail.setType(INVALID_INPUT);
		detail.setTitle("Invalid input");
		detail.setProperty("errors", problems);
		return ResponseEntity.badRequest().body(detail);
	}

	/** An unexpected failure: {@code about:blank}, nothing of the cause in the answer. */
	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String message) {
		return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, message));
	}

	private static ResponseEntity<ProblemDetail> problem(ProblemDetail detail) {
		return ResponseEntity.status(detail.getStatus()).body(detail);
	}

}

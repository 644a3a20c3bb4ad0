package org.pressdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.pressdesk.ApiTestSupport;
import org.pressdesk.Http.Response;
import org.pressdesk.Http;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Calls every operation of the OpenAPI description, and every other request mapping of
 * the service (the HTML pages), as every kind of caller, and checks each answer against
 * the table below. An operation added without a line here fails the build, and so does
 * one whose rules differ from the table: who may do what is decided here, on purpose.
 */
class AuthorizationMatrixTests extends ApiTestSupport {

	/**
	 * Callers: the public, staff by role, API clients with one scope each, and one with
	 * the two scopes that together reach staff-level contact data through articles.
	 */
	private static final String ANONYMOUS = "anonymous", VIEWER = "VIEWER", EDITOR = "EDITOR", ADMIN = "ADMIN";

	private static final String PEOPLE_AND_ARTICLES = "people:read articles:read";

	private static final List<String> SCOPES = List.of("people:read", "people:write", "articles:read", "articles:write",
			"export", "import", "changes:read", "webhooks:manage", PEOPLE_AND_ARTICLES);

	private static final String EVERYONE = "everyone";

	/**
	 * Staff pages take a browser session only (see BrowserLoginTests,
	 * StaffPagesBrowserTests): HTTP Basic and API keys, which every caller here uses, get
	 * 401 there, and a form posted without the session's CSRF token 403.
	 */
	private static final String BROWSER_SESSION = "browser session";

	/** Who may call each operation; a staff role includes the roles above it. */
	private static final Map<String, Set<String>> ALLOWED = new LinkedHashMap<>();

	private static void allow(String operation, String... callers) {
		ALLOWED.put(operation, Set.of(callers));
	}

	static {
		String people = "people:read", peopleWrite = "people:write";
		for (String read : List.of("GET /api/v1/people", "GET /api/v1/people/{id}", "GET /api/v1/people/{id}/vcard",
				"GET /api/v1/people/{id}/affiliations/{affiliationId}", "GET /api/v1/organisations",
				"GET /api/v1/organisations/{id}", "GET /api/v1/organisations/{id}/people")) {
			allow(read, VIEWER, people);
		}
		for (String write : List.of("POST /api/v1/people", "PATCH /api/v1/people/{id}", "DELETE /api/v1/people/{id}",
				"POST /api/v1/people/{id}/affiliations", "PATCH /api/v1/people/{id}/affiliations/{affiliationId}",
				"DELETE /api/v1/people/{id}/affiliations/{affiliationId}", "POST /api/v1/organisations",
				"PATCH /api/v1/organisations/{id}", "DELETE /api/v1/organisations/{id}")) {
			allow(write, EDITOR, peopleWrite);
		}
		allow("GET /api/v1/duplicates", VIEWER, people);
		allow("POST /api/v1/duplicates/{id}/dismiss", EDITOR, peopleWrite);
		allow("GET /api/v1/merges/{id}", VIEWER, people);
		allow("GET /api/v1/changes", VIEWER, "changes:read");
		for (String hooks : List.of("GET /api/v1/webhooks", "POST /api/v1/webhooks", "GET /api/v1/webhooks/{id}",
				"PATCH /api/v1/webhooks/{id}", "DELETE /api/v1/webhooks/{id}",
				"POST /api/v1/webhooks/{id}/rotate-secret", "POST /api/v1/webhooks/{id}/test",
				"GET /api/v1/webhooks/{id}/deliveries", "POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/retry")) {
			allow(hooks, ADMIN, "webhooks:manage");
		}
		allow("POST /api/v1/people/{id}/merge", EDITOR, peopleWrite);
		allow("POST /api/v1/merges/{id}/undo", EDITOR, peopleWrite);
		allow("GET /api/v1/people/export", VIEWER, "export");
		allow("POST /api/v1/imports", EDITOR, "import");
		for (String read : List.of("GET /api/v1/articles", "GET /api/v1/articles/{id}")) {
			allow(read, VIEWER, "articles:read");
		}
		// contact details at staff level (INTERNAL ones too) belong to people:read, and
		// which articles someone is on (drafts too) to articles:read: these need both
		allow("GET /api/v1/articles/{id}/contacts/vcard", VIEWER, PEOPLE_AND_ARTICLES);
		allow("GET /api/v1/people/{id}/articles", VIEWER, PEOPLE_AND_ARTICLES);
		for (String write : List.of("POST /api/v1/articles", "PATCH /api/v1/articles/{id}",
				"DELETE /api/v1/articles/{id}", "PUT /api/v1/articles/by-ref/{externalRef}",
				"PUT /api/v1/articles/{id}/contacts")) {
			allow(write, EDITOR, "articles:write");
		}
		for (String admin : List.of("GET /api/v1/users", "POST /api/v1/users", "GET /api/v1/users/{id}",
				"PATCH /api/v1/users/{id}", "GET /api/v1/api-clients", "POST /api/v1/api-clients",
				"GET /api/v1/api-clients/{id}", "POST /api/v1/api-clients/{id}/rotate",
				"DELETE /api/v1/api-clients/{id}", "GET /api/v1/audit")) {
			allow(admin, ADMIN);
		}
		allow("GET /api/v1/me", VIEWER);
		allow("POST /api/v1/me/password", VIEWER);
		for (String open : List.of("GET /press/{slug}", "GET /press/{slug}/contacts.vcf",
				"GET /press/{slug}/contacts/{personId}.vcf")) {
			allow(open, EVERYONE);
		}
		allow("GET /login", EVERYONE);
		for (String page : List.of("GET /", "GET /people/results", "GET /people/new", "POST /people/new",
				"GET /people/{id}", "GET /people/{id}/edit", "POST /people/{id}/edit", "GET /people/{id}/card.vcf",
				"GET /imports", "POST /imports", "POST /imports/confirm", "GET /articles", "POST /articles",
				"GET /articles/{id}", "POST /articles/{id}", "POST /articles/{id}/contacts",
				"POST /articles/{id}/contacts/add", "GET /admin/users", "POST /admin/users", "POST /admin/users/{id}",
				"GET /admin/api-clients", "POST /admin/api-clients", "POST /admin/api-clients/{id}/rotate",
				"POST /admin/api-clients/{id}/revoke", "GET /admin/audit", "GET /organisations",
				"GET /organisations/{id}", "POST /organisations", "GET /organisations/{id}/edit",
				"POST /organisations/{id}/edit", "POST /people/{id}/affiliations",
				"POST /people/{id}/affiliations/{affiliationId}/end",
				"GET /people/{id}/affiliations/{affiliationId}/edit",
				"POST /people/{id}/affiliations/{affiliationId}/edit",
				"POST /people/{id}/affiliations/{affiliationId}/delete", "GET /organisations/names",
				"GET /people/topics", "GET /people/{id}/delete", "POST /people/{id}/delete", "GET /duplicates",
				"POST /duplicates/{id}/dismiss", "GET /duplicates/{id}", "POST /duplicates/{id}/merge",
				"GET /merges/{id}", "POST /merges/{id}/undo", "GET /admin/webhooks",
				"POST /admin/webhooks/{id}/deliveries/{deliveryId}/retry")) {
			allow(page, BROWSER_SESSION);
		}
	}

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyOperationAnswersEveryCallerAsTheTableSays() {
		Map<String, Http> callers = new LinkedHashMap<>();
		callers.put(ANONYMOUS, anonymous);
		callers.put(VIEWER, viewer);
		callers.put(EDITOR, editor);
		callers.put(ADMIN, admin);
		for (String scope : SCOPES) {
			String key = admin
				.post("/api/v1/api-clients", Http.toJson(Map.of("name", unique("matrix-" + scope.replace(' ', '-')),
						"scopes", List.of(scope.split(" ")))))
				.text("$.key");
			callers.put(scope, new Http(anonymous.base(), "Bearer " + key));
		}

		Set<String> operations = new TreeSet<>();
		JsonNode paths = anonymous.get("/v3/api-docs").json().get("paths");
		for (String path : paths.propertyNames()) {
			paths.get(path).propertyNames().forEach(method -> operations.add(method.toUpperCase() + " " + path));
		}
		mappings.getHandlerMethods().forEach((mapping, handler) -> {
			String type = handler.getBeanType().getName();
			if (type.startsWith("org.pressdesk.")) {
				mapping.getMethodsCondition()
					.getMethods()
					.forEach(method -> mapping.getPatternValues()
						// a variable's pattern ({id:[0-9a-f-]{36}}) is not part of its
						// name
						.forEach(path -> operations
							.add(method.name() + " " + path.replaceAll("\\{(\\w+):[^/]+}(?=/|$)", "{$1}"))));
			}
		});
		List<String> wrong = new ArrayList<>();
		for (String operation : operations) {
			String method = operation.substring(0, operation.indexOf(' '));
			String path = operation.substring(operation.indexOf(' ') + 1);
			Set<String> allowed = ALLOWED.get(operation);
			if (allowed == null) {
				wrong.add(operation + ": no rule in this test; decide who may call it");
				continue;
			}
			callers.forEach((caller, http) -> {
				int status = call(http, method, path);
				boolean shouldPass = isAllowed(allowed, caller);
				boolean passed = status != 401 && status != 403;
				int refusal = allowed.contains(BROWSER_SESSION) ? (method.equals("POST") ? 403 : 401)
						: caller.equals(ANONYMOUS) ? 401 : 403;
				if (shouldPass != passed || (!shouldPass && status != refusal)) {
					wrong.add(operation + " as " + caller + ": " + status
							+ (shouldPass ? " (should be allowed)" : " (should be " + refusal + ")"));
				}
			});
		}
		assertThat(wrong).isEmpty();
		assertThat(ALLOWED.keySet()).as("rules for operations that no longer exist").isSubsetOf(operations);
	}

	private static boolean isAllowed(Set<String> allowed, String caller) {
		if (allowed.contains(EVERYONE) || allowed.contains(caller)
				|| List.of(caller.split(" ")).stream().anyMatch(allowed::contains)) {
			return true;
		}
		List<String> roles = List.of(VIEWER, EDITOR, ADMIN);
		int rank = roles.indexOf(caller);
		return rank >= 0 && roles.subList(0, rank + 1).stream().anyMatch(allowed::contains);
	}

	/**
	 * The operation with every path variable an id of nothing, and an empty JSON object
	 * as the body.
	 */
	private static int call(Http http, String method, String path) {
		String concrete = path.replaceAll("\\{[^}]+}", "00000000-0000-4000-8000-000000000000");
		boolean body = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
		Response response = http.send(method, concrete, body ? "application/json" : null, body ? "{}" : null);
		assertThat(response.body()).as(method + " " + concrete).doesNotContain("Exception", "at org.", "SQL");
		return response.status();
	}

}

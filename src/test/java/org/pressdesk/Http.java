package org.pressdesk;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for the tests, as one principal (or none). */
public record Http(URI base, String authorization) {

	private static final HttpClient client = HttpClient.newHttpClient();

	public static final JsonMapper json = JsonMapper.builder().build();

	public static Http anonymous(int port) {
		return new Http(URI.create("http://127.0.0.1:" + port), null);
	}

	public Http as(String username, String password) {
		return new Http(base, "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
	}

	public Response get(String path, String... headers) {
		return send("GET", path, null, null, headers);
	}

	public Response post(String path, String body, String... headers) {
		return send("POST", path, "application/json", body, headers);
	}

	public Response patch(String path, String body, String... headers) {
		return send("PATCH", path, "application/merge-patch+json", body, headers);
	}

	public Response delete(String path, String... headers) {
		return send("DELETE", path, null, null, headers);
	}

	public Response send(String method, String path, String contentType, String body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
			.method(method,
					body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		try {
			var response = client.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Response(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static String query(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	/** Writes an object (maps, lists, records) as JSON. */
	public static String toJson(Object value) {
		return json.writeValueAsString(value);
	}

	public record Response(int status, java.util.Map<String, List<String>> headers, String body) {

		/**
		 * The value at a JsonPath ({@code "$.items[0].emails[0].value"}), for assertions
		 * that read as the document does.
		 */
		public <T> T at(String path) {
			try {
				return com.jayway.jsonpath.JsonPath.read(body, path);
			}
			catch (com.jayway.jsonpath.PathNotFoundException absent) {
				return null;
			}
		}

		/** The text at a JsonPath ({@code "$.items[0].displayName"}). */
		public String text(String path) {
			return at(path);
		}

		/** The number at a JsonPath ({@code "$.version"}). */
		public int number(String path) {
			return this.<Number>at(path).intValue();
		}

		/**
		 * The id of what a POST created; the test fails, showing the answer, if nothing
		 * was.
		 */
		public String createdId() {
			if (status != 201) {
				throw new AssertionError("expected 201 Created, got " + status + ": " + body);
			}
			return at("$.id");
		}

		public JsonNode json() {
			return Http.json.readTree(body);
		}

		public String header(String name) {
			return headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.map(e -> e.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

		/** The field names of a validation problem's {@code errors}. */
		public List<String> errorFields() {
			return json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
		}

	}

}

package org.pressdesk.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.GlobalOperationComponentsCustomizer;
import org.springdoc.core.customizers.OpenApiCustomizer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI description at {@code /v3/api-docs}, as a client generator needs it: what
 * the service is, how callers authenticate, and the answers operations share — problem
 * details, {@code ETag}, {@code Location}, {@code Retry-After}, conditional requests,
 * cursor pages — added here by rule, so that a controller states only what is its own
 * (its Javadoc is the operation's summary and description).
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

	private static final String API = "/api/v1/";

	private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	private static final String PROBLEM = "#/components/schemas/Problem";

	/** The tags of the operations, in the order a reader meets them. */
	private static final Map<String, String> TAGS = new LinkedHashMap<>();

	static {
		TAGS.put("People", "Press contacts: names, emails, phones, topics, and their affiliations (roles at "
				+ "organisations, with history). Search ranks by relevance and finds names without accents, with "
				+ "typos, by sound and by nickname.");
		TAGS.put("Organisations", "Organisations as a tree (a university, its faculty, its institute).");
		TAGS.put("Articles",
				"News articles and their contact blocks (\"For further information please "
						+ "contact …\"); the CMS writes an article and its block in one idempotent call by its own "
						+ "reference.");
		TAGS.put("Duplicates", "Pairs of people who may be one, with the reasons; dismissed when they are two, "
				+ "merged when they are one (and the merge undone within 30 days).");
		TAGS.put("Change events", "What changed, for services that show it: signed webhooks (Standard Webhooks "
				+ "1.0) and a feed in commit order, both thin (ids, not personal data); `press-block.changed` says "
				+ "that what the public sees of a published article's contacts changed.");
		TAGS.put("vCards and files", "Contacts as vCards (3.0, 4.0, Outlook) and CSV, one or the whole "
				+ "directory; imports of .vcf and .csv files with matching, dry runs and a report.");
		TAGS.put("Staff users", "Staff accounts and their roles (ADMIN).");
		TAGS.put("Signed-in user", "The staff user calling.");
		TAGS.put("API clients", "Services and their API keys (ADMIN); a key is shown once.");
		TAGS.put("Audit", "Who changed, exported or imported what, and when (ADMIN).");
	}

	@Bean
	OpenAPI pressdeskApi(ObjectProvider<BuildProperties> build) {
		BuildProperties properties = build.getIfAvailable();
		return new OpenAPI()
			.info(new Info().title("Pressdesk API")
				.version(properties == null ? "development" : properties.getVersion())
				.summary("A press office's contact directory, for staff and the services around it.")
				.description("""
						People with their roles at organisations, news articles with their contact blocks, \
						and vCards of both. Every resource has an opaque, stable `id`, a `version` and an \
						`ETag`; writes with a stale `If-Match` are refused with 412 and change nothing. \
						Lists are `{items, next}` pages walked with `cursor`. Errors are RFC 9457 problem \
						details (`application/problem+json`) whose `type` is `urn:pressdesk:problem:<kind>`; \
						`errors` lists each bad field by its JSON path (`emails[0].value`, \
						`contacts[1].personId`).

						Staff authenticate with HTTP Basic, services with an API key as a bearer token (or, \
						where the service is set up for it, a JWT from the organisation's identity \
						provider); each operation says which staff role or key scopes it needs.""")
				// the press office that runs the service answers for it; no address is
				// invented here
				.contact(new Contact().name("The press office that runs this Pressdesk"))
				.license(new License().name("Proprietary").identifier("LicenseRef-Proprietary")))
			.servers(List.of(new Server().url("/").description("this service")))
			.tags(TAGS.entrySet()
				.stream()
				.map(tag -> new Tag().name(tag.getKey()).description(tag.getValue()))
				.toList());
	}

	/** A schema of the JSON type (OpenAPI 3.1 writes {@code types}, not {@code type}). */
	private static Schema<?> typed(String type) {
		return new Schema<>().types(new LinkedHashSet<>(List.of(type)));
	}

	/**
	 * RFC 9457 problem details as {@code ApiProblems} and {@code Problems} write them.
	 */
	private static Schema<?> problemSchema() {
		return typed("object").description("RFC 9457 problem details.")
			.addProperty("type", typed("string").format("uri")
				.description("The kind of problem, `urn:pressdesk:problem:<kind>`: `invalid-input` (400, `errors` "
						+ "names each bad field), `bad-request` and `rejected-request` (400, a request that cannot "
						+ "be read), `unauthorized` (401), `forbidden` and `cross-site-request` (403), `not-found` "
						+ "(404), `merged` (308, a person merged into another), `method-not-allowed` (405), `not-acceptable` (406), `conflict` (409), "
						+ "`stale-version` (412), `too-large` (413), `unsupported-media-type` (415), "
						+ "`too-many-requests` (429), `unavailable` (503); `about:blank` for an unexpected "
						+ "failure (500).")
				.examples(List.of("urn:pressdesk:problem:invalid-input")))
			.addProperty("title", typed("string").description("A short summary of the kind."))
			.addProperty("status", typed("integer").description("The HTTP status."))
			.addProperty("detail", typed("string").description("What went wrong this time, and what to do."))
			.addProperty("instance",
					typed("string").format("uri-reference").description("The path the problem is about."))
			.addProperty("errors",
					typed("array").items(new Schema<>().$ref("#/components/schemas/FieldProblem"))
						.description("For invalid input: every bad field, by its JSON path."))
			.required(List.of("type", "title", "status"));
	}

	private static Schema<?> fieldProblemSchema() {
		return typed("object").description("One bad field of a request.")
			.addProperty("field",
					typed("string").description(
							"Its JSON path: emails[0].value, contacts[1].personId; empty for the whole " + "body."))
			.addProperty("message", typed("string").description("What is wrong with it."))
			.required(List.of("field", "message"));
	}

	/**
	 * A merge patch's body ({@link MergePatch.Of}): the writable fields of the resource,
	 * each optional, each nullable (null clears it).
	 */
	@Bean
	GlobalOperationComponentsCustomizer mergePatchBodies() {
		return new MergePatchBodies();
	}

	private static final class MergePatchBodies implements GlobalOperationComponentsCustomizer {

		@Override
		public Operation customize(Operation operation, Components components, HandlerMethod handler) {
			for (MethodParameter parameter : handler.getMethodParameters()) {
				MergePatch.Of of = parameter.getParameterAnnotation(MergePatch.Of.class);
				if (of != null) {
					String name = of.value().getSimpleName().replaceFirst("Input$", "") + "Patch";
					components.addSchemas(name, patchSchemaOf(of.value(), components));
					Schema<?> body = new Schema<>().$ref("#/components/schemas/" + name);
					operation.requestBody(new RequestBody().required(true)
						.description("A JSON merge patch (RFC 7396): the fields named change, null clears one, "
								+ "arrays are replaced whole.")
						.content(new Content().addMediaType(MergePatch.MEDIA_TYPE, new MediaType().schema(body))
							.addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
									new MediaType().schema(body))));
				}
			}
			return operation;
		}

		@Override
		public Operation customize(Operation operation, HandlerMethod handler) {
			return operation;
		}

	}

	private static Schema<?> patchSchemaOf(Class<?> input, Components components) {
		ResolvedSchema resolved = ModelConverters.getInstance(true)
			.resolveAsResolvedSchema(new AnnotatedType(input).resolveAsRef(false));
		resolved.referencedSchemas.forEach((name, schema) -> {
			if (components.getSchemas() == null || !components.getSchemas().containsKey(name)) {
				components.addSchemas(name, schema);
			}
		});
		Schema<?> patch = typed("object").description("The writable fields of "
				+ input.getSimpleName().replaceFirst("Input$", "") + ", all optional; null clears a field.");
		Map<String, Schema> properties = resolved.schema.getProperties();
		properties.forEach((field, schema) -> patch.addProperty(field, nullable(schema)));
		return patch;
	}

	private static Schema<?> nullable(Schema<?> schema) {
		if (schema.get$ref() != null) {
			return new Schema<>().anyOf(List.of(schema, typed("null")));
		}
		Set<String> types = new LinkedHashSet<>(schema.getTypes() == null ? Set.of() : schema.getTypes());
		types.add("null");
		return schema.types(types);
	}

	/** The answers every operation of the API shares, added where they apply. */
	@Bean
	OpenApiCustomizer sharedAnswers() {
		return api -> {
			api.getComponents()
				.addSchemas("Problem", problemSchema())
				.addSchemas("FieldProblem", fieldProblemSchema())
				.addHeaders("ETag",
						new Header().description("The version of the resource, for If-Match and If-None-Match.")
							.schema(typed("string")))
				.addHeaders("Location",
						new Header()
							.description("Where the created resource is (201), or where the request goes now (308).")
							.schema(typed("string").format("uri-reference")))
				.addHeaders("Retry-After", new Header().description("Seconds to wait before trying again.")
					.schema(typed("integer").minimum(BigDecimal.ZERO)));
			Map<String, Schema> schemas = api.getComponents().getSchemas();
			markAnswerFields(api, schemas);
			markdownDescriptions(schemas);
			api.getPaths().forEach((path, item) -> {
				if (!path.startsWith(API)) {
					return;
				}
				item.readOperationsMap().forEach((method, operation) -> shareAnswers(path, method, operation, schemas));
			});
		};
	}

	private static void shareAnswers(String path, PathItem.HttpMethod method, Operation operation,
			Map<String, Schema> schemas) {
		fromJavadoc(operation);
		addExamples(operation);
		ApiResponses responses = operation.getResponses();
		boolean versioned = responses.entrySet()
			.stream()
			.anyMatch(response -> response.getKey().startsWith("2")
					&& (hasVersion(response.getValue(), schemas) || response.getValue().getHeaders() != null
							&& response.getValue().getHeaders().containsKey("ETag")));
		responses.forEach((status, response) -> {
			if (status.equals("201")) {
				response.addHeaderObject("Location", new Header().$ref("#/components/headers/Location"));
			}
			if (status.startsWith("2") && versioned) {
				// also in place of one an annotation declared (with a style beside its
				// $ref)
				response.addHeaderObject("ETag", new Header().$ref("#/components/headers/ETag"));
			}
		});
		boolean hasBody = operation.getRequestBody() != null;
		List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
		parameters.forEach(ApiDescription::describeShared);
		if (method == PathItem.HttpMethod.GET && versioned) {
			operation.addParametersItem(new Parameter().in("header")
				.name("If-None-Match")
				.description("The ETag the caller has: 304 when it is still current.")
				.schema(typed("string")));
			responses.addApiResponse("304", new ApiResponse().description("Not modified: the caller's copy is current.")
				.addHeaderObject("ETag", new Header().$ref("#/components/headers/ETag")));
		}
		if (hasBody || parameters.stream().anyMatch(parameter -> "query".equals(parameter.getIn()))) {
			problem(responses, "400", "Invalid input: `errors` names each bad field (invalid-input), or a request "
					+ "that cannot be read (bad-request).");
		}
		problem(responses, "401", "No credentials, or wrong ones (unauthorized).");
		problem(responses, "403", "The role or the API key's scopes do not allow it (forbidden), or a browser "
				+ "write from another site (cross-site-request).");
		if (path.contains("{")) {
			problem(responses, "404", "Nothing there, or nothing the caller may see (not-found).");
		}
		if (path.startsWith("/api/v1/people/{id}")) {
			problem(responses, "308", "The person was merged into another (merged): `Location` is the same "
					+ "address with the kept person's id; repeat the request there, with the same method and body.")
				.addHeaderObject("Location", new Header().$ref("#/components/headers/Location"));
		}
		problem(responses, "406", "None of the media types in Accept can be given (not-acceptable).");
		if (method != PathItem.HttpMethod.GET) {
			problem(responses, "409",
					"A concurrent change, or something taken or in use (conflict); `detail` says which. Try again "
							+ "when it is a concurrent change.");
		}
		if (parameters.stream().anyMatch(parameter -> "If-Match".equalsIgnoreCase(parameter.getName()))) {
			problem(responses, "412",
					"If-Match names an older version (stale-version); nothing was changed. Read it again.");
		}
		if (hasBody) {
			problem(responses, "413", "The body is too large (too-large).");
			problem(responses, "415",
					"The body's media type is not one this operation takes " + "(unsupported-media-type).");
		}
		problem(responses, "429", "Over the caller's rate limit (too-many-requests); wait for Retry-After.")
			.addHeaderObject("Retry-After", new Header().$ref("#/components/headers/Retry-After"));
		problem(responses, "500", "An unexpected failure (about:blank); its details are only in the service's log.");
		problem(responses, "503", "The database cannot be reached (unavailable); wait for Retry-After.")
			.addHeaderObject("Retry-After", new Header().$ref("#/components/headers/Retry-After"));
	}

	/**
	 * The fields of the records that only answers hold ({@link AnswerFields}): each
	 * required (present) unless left out when null, and nullable unless never null.
	 */
	private static void markAnswerFields(OpenAPI api, Map<String, Schema> schemas) {
		Set<String> answers = new HashSet<>();
		Set<String> requests = new HashSet<>();
		api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
			if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
				operation.getRequestBody()
					.getContent()
					.values()
					.forEach(body -> reach(body.getSchema(), schemas, requests));
			}
			operation.getResponses()
				.values()
				.stream()
				.filter(response -> response.getContent() != null)
				.forEach(response -> response.getContent()
					.values()
					.forEach(answer -> reach(answer.getSchema(), schemas, answers)));
		}));
		schemas.forEach((name, schema) -> {
			Map<String, Object> notes = schema.getExtensions();
			if (notes == null || !notes.containsKey(AnswerFields.NEVER_NULL)) {
				return;
			}
			List<?> absentWhenNull = (List<?>) notes.remove(AnswerFields.ABSENT_WHEN_NULL);
			List<?> neverNull = (List<?>) notes.remove(AnswerFields.NEVER_NULL);
			if (notes.isEmpty()) {
				schema.setExtensions(null);
			}
			if (!answers.contains(name) || requests.contains(name) || schema.getProperties() == null) {
				return;
			}
			Map<String, Schema> properties = schema.getProperties();
			schema.setRequired(properties.keySet().stream().filter(field -> !absentWhenNull.contains(field)).toList());
			properties.replaceAll((field, property) -> neverNull.contains(field) || absentWhenNull.contains(field)
					? property : nullable(property));
		});
	}

	/** Adds the names of the schemas {@code schema} is made of. */
	private static void reach(Schema<?> schema, Map<String, Schema> schemas, Set<String> reached) {
		if (schema == null) {
			return;
		}
		String name = nameOf(schema);
		if (name != null) {
			if (reached.add(name)) {
				reach(schemas.get(name), schemas, reached);
			}
			return;
		}
		reach(schema.getItems(), schemas, reached);
		if (schema.getProperties() != null) {
			schema.getProperties().values().forEach(property -> reach(property, schemas, reached));
		}
		for (List<Schema> composed : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
			if (composed != null) {
				composed.forEach(part -> reach(part, schemas, reached));
			}
		}
	}

	/**
	 * The summary and description springdoc took from the controller's Javadoc, as
	 * Markdown on one line per paragraph; the summary is the first sentence up to its
	 * first colon or semicolon.
	 */
	private static void fromJavadoc(Operation operation) {
		if (operation.getDescription() == null) {
			return;
		}
		String description = markdown(operation.getDescription());
		operation.description(description).summary(description.split("[.:;](\\s|$)", 2)[0]);
	}

	/** Javadoc as springdoc gives it (HTML, a line break per source line) as Markdown. */
	private static String markdown(String javadoc) {
		if (javadoc == null) {
			return null;
		}
		return Arrays.stream(javadoc.replace("<p>", "\n\n").split("\\n\\s*\\n"))
			.map(paragraph -> paragraph.replaceAll("\\s*\\n\\s*", " ")
				.replaceAll("</?code>", "`")
				.replaceAll("\\{@link\\s+[^\\s}]+\\s+([^}]+)}", "$1")
				.replaceAll("\\{@link\\s+(?:[^\\s}]*\\.)?([^\\s.}]+)}", "$1")
				.replace("&lt;", "<")
				.replace("&gt;", ">")
				.strip())
			.filter(paragraph -> !paragraph.isEmpty())
			.collect(Collectors.joining("\n\n"));
	}

	/** The descriptions of the schemas and their fields, from Javadoc, as Markdown. */
	private static void markdownDescriptions(Map<String, Schema> schemas) {
		schemas.values().forEach(schema -> {
			schema.setDescription(markdown(schema.getDescription()));
			if (schema.getProperties() != null) {
				schema.getProperties()
					.values()
					.forEach(property -> ((Schema<?>) property)
						.setDescription(markdown(((Schema<?>) property).getDescription())));
			}
		});
	}

	/**
	 * Examples of the main bodies (the demo directory's press contact), one per schema
	 * ({@code api-examples/<schema>.json}), on every body of that schema, request or
	 * answer; the linters check them against the schemas.
	 */
	private static void addExamples(Operation operation) {
		List<Content> bodies = new ArrayList<>();
		if (operation.getRequestBody() != null) {
			bodies.add(operation.getRequestBody().getContent());
		}
		operation.getResponses()
			.entrySet()
			.stream()
			.filter(answer -> answer.getKey().startsWith("2") && answer.getValue().getContent() != null)
			.forEach(answer -> bodies.add(answer.getValue().getContent()));
		bodies.stream().flatMap(content -> content.values().stream()).forEach(body -> {
			String schema = nameOf(body.getSchema());
			Object example = schema == null ? null : example(schema + ".json");
			if (example != null) {
				body.setExample(example);
			}
		});
	}

	/** The name of the component a schema refers to; null for one written in place. */
	private static String nameOf(Schema<?> schema) {
		return schema == null || schema.get$ref() == null ? null
				: schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
	}

	private static Object example(String name) {
		ClassPathResource file = new ClassPathResource("api-examples/" + name);
		if (!file.exists()) {
			return null;
		}
		try (var in = file.getInputStream()) {
			return EXAMPLES.readValue(in, Object.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static final JsonMapper EXAMPLES = JsonMapper.builder().build();

	/** The parameters many operations share, described once. */
	private static void describeShared(Parameter parameter) {
		parameter.setDescription(markdown(parameter.getDescription()));
		switch (parameter.getName()) {
			case "limit" -> parameter.description("How many items a page holds at most.")
				.schema(typed("integer").minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(100))._default(20));
			case "cursor" -> parameter.description("Where to go on: the `next` of the page before (opaque). A list "
					+ "walked with cursors neither skips nor repeats an item.");
			case "If-Match" -> parameter.description("The ETag of the version the change is based on: if it is no "
					+ "longer current, 412 and nothing changes. Without it, the change applies to whatever is current.");
			default -> {
			}
		}
	}

	/** Adds the problem answer, unless the operation describes that status itself. */
	private static ApiResponse problem(ApiResponses responses, String status, String description) {
		return responses.computeIfAbsent(status, s -> new ApiResponse().description(description)
			.content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(PROBLEM)))));
	}

	/** Whether the answer is a single resource with a version (served with its ETag). */
	private static boolean hasVersion(ApiResponse response, Map<String, Schema> schemas) {
		if (response.getContent() == null) {
			return false;
		}
		return response.getContent().values().stream().map(MediaType::getSchema).anyMatch(schema -> {
			Schema<?> resolved = nameOf(schema) != null ? schemas.get(nameOf(schema)) : schema;
			return resolved != null && resolved.getProperties() != null
					&& resolved.getProperties().containsKey("version");
		});
	}

}

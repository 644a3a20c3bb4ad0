package org.pressdesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.pressdesk.ApiTestSupport;
import org.pressdesk.Http;

/**
 * The served OpenAPI description, checked from outside, as a CMS developer would use it:
 * Redocly's recommended rules and Spectral's OpenAPI rules find no error and no warning
 * (src/test/openapi/*.yaml switch off a rule that does not fit, saying why), and a client
 * generated from it (openapi-typescript's types with openapi-fetch) must type-check and
 * then make a CMS's first calls against this service (src/test/openapi/client-check.ts).
 * The npm tools are what .ci/run installs in ~/.cache/pressdesk-api-tools; without them
 * these tests skip, except in CI.
 */
class ApiDescriptionTests extends ApiTestSupport {

	private static final Path TOOLS = Path.of(System.getProperty("user.home"),
			".cache/pressdesk-api-tools/node_modules");

	private static final Path CONFIG = Path.of("src/test/openapi");

	private static final Path WORK = Path.of("target/openapi");

	private Path description;

	@BeforeEach
	void servedDescription() throws IOException {
		assumeTrue(Files.isExecutable(TOOLS.resolve(".bin/redocly")) || "true".equals(System.getenv("CI")),
				"the npm tools that check the API description are not installed (.ci/run installs them; CI "
						+ "requires them)");
		Files.createDirectories(WORK);
		description = WORK.resolve("openapi.json");
		Files.writeString(description, anonymous.get("/v3/api-docs").body(), StandardCharsets.UTF_8);
	}

	@Test
	void redoclyRecommendedRulesFindNothing() throws Exception {
		Run lint = run(WORK, tool("redocly"), "lint", description.toAbsolutePath().toString(), "--config",
				CONFIG.resolve("redocly.yaml").toAbsolutePath().toString(), "--format=stylish");
		assertThat(lint.output()).as(lint.output()).doesNotContain(" error ", " warning ").contains("is valid");
		assertThat(lint.exit()).as(lint.output()).isZero();
	}

	@Test
	void spectralOpenApiRulesFindNothing() throws Exception {
		Run lint = run(WORK, tool("spectral"), "lint", description.toAbsolutePath().toString(), "--ruleset",
				CONFIG.resolve("spectral.yaml").toAbsolutePath().toString(), "--fail-severity=hint");
		assertThat(lint.exit()).as(lint.output()).isZero();
	}

	@Test
	void aClientGeneratedFromTheDescriptionMakesACmsFirstCalls() throws Exception {
		Path client = WORK.resolve("client");
		Files.createDirectories(client);
		Run generated = run(client, tool("openapi-typescript"), description.toAbsolutePath().toString(), "-o",
				"api.d.ts");
		assertThat(generated.exit()).as(generated.output()).isZero();
		Files.copy(CONFIG.resolve("client-check.ts"), client.resolve("client-check.ts"),
				java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		Files.writeString(client.resolve("package.json"), "{ \"type\": \"module\" }\n");
		Files.writeString(client.resolve("tsconfig.json"), """
				{ "compilerOptions": { "strict": true, "target": "es2022", "module": "nodenext",
				    "moduleResolution": "nodenext", "lib": ["es2022", "dom"], "types": ["node"],
				    "outDir": "out", "noEmitOnError": true, "skipLibCheck": true },
				  "files": ["client-check.ts"] }
				""");
		Path modules = client.resolve("node_modules");
		if (!Files.exists(modules)) {
			Files.createSymbolicLink(modules, TOOLS);
		}
		Run compiled = run(client, tool("tsc"), "-p", ".");
		assertThat(compiled.exit())
			.as("the program does not type-check against the generated client:\n%s", compiled.output())
			.isZero();

		String key = admin.post("/api/v1/api-clients", Http.toJson(Map.of("name", unique("cms"), "scopes",
				List.of("people:read", "people:write", "articles:read", "articles:write"))))
			.text("$.key");
		ProcessBuilder program = new ProcessBuilder("node", "out/client-check.js").directory(client.toFile());
		program.environment()
			.putAll(Map.of("PRESSDESK_URL", "http://127.0.0.1:" + port, "PRESSDESK_KEY", key, "PRESSDESK_TAG",
					unique("client")));
		Run ran = run(program);
		assertThat(ran.exit()).as(ran.output()).isZero();
	}

	@Test
	void theDescriptionStatesWhoMayCallEachOperation() {
		JsonNode paths = anonymous.get("/v3/api-docs").json().get("paths");
		List<String> undescribed = new ArrayList<>();
		for (String path : paths.propertyNames()) {
			for (String method : paths.get(path).propertyNames()) {
				JsonNode operation = paths.get(path).get(method);
				if (!operation.has("security") || !operation.get("description").asString().contains("Who may call")) {
					undescribed.add(method + " " + path);
				}
			}
		}
		assertThat(undescribed).isEmpty();
	}

	private static String tool(String name) {
		return TOOLS.resolve(".bin").resolve(name).toString();
	}

	private record Run(int exit, String output) {
	}

	private static Run run(Path directory, String... command) throws Exception {
		return run(new ProcessBuilder(command).directory(directory.toFile()));
	}

	private static Run run(ProcessBuilder builder) throws Exception {
		Process process = builder.redirectErrorStream(true).start();
		byte[] output = process.getInputStream().readAllBytes();
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new AssertionError(String.join(" ", builder.command()) + " did not finish");
		}
		return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
	}

}

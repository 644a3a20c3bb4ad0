package org.pressdesk.webhook;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.pressdesk.Http;

/**
 * Signatures checked by an implementation of the specification that is not ours: the
 * {@code standardwebhooks} npm package (what .ci/run installs beside the API tools).
 */
final class StandardWebhooksLibrary {

	private static final Path TOOLS = Path.of(System.getProperty("user.home"),
			".cache/pressdesk-api-tools/node_modules");

	private static final String VERIFY = """
			const { Webhook } = require('standardwebhooks');
			const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
			const hook = new Webhook(input.secret);
			for (const m of input.messages) {
			  hook.verify(m.body, { 'webhook-id': m.id, 'webhook-timestamp': m.timestamp,
			    'webhook-signature': m.signature });
			}
			console.log('verified ' + input.messages.length);
			""";

	private StandardWebhooksLibrary() {
	}

	static void assumeInstalled() {
		assumeTrue(Files.isDirectory(TOOLS.resolve("standardwebhooks")) || "true".equals(System.getenv("CI")),
				"the standardwebhooks npm package is not installed (.ci/run installs it; CI must have it)");
	}

	/**
	 * What the library says of these messages with this secret: "verified N", or its
	 * error.
	 */
	static String verify(String secret, List<Receiver.Received> messages) throws Exception {
		Path script = Files.createTempFile("verify", ".js");
		Files.writeString(script, VERIFY);
		ProcessBuilder node = new ProcessBuilder("node", script.toString()).redirectErrorStream(true);
		node.environment().put("NODE_PATH", TOOLS.toString());
		Process process = node.start();
		String input = Http.toJson(Map.of("secret", secret, "messages", messages.stream()
			.map(m -> Map.of("id", m.id(), "timestamp", m.timestamp(), "signature", m.signature(), "body", m.body()))
			.toList()));
		try (var stdin = process.getOutputStream()) {
			stdin.write(input.getBytes(StandardCharsets.UTF_8));
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		process.waitFor(30, TimeUnit.SECONDS);
		Files.deleteIfExists(script);
		return output;
	}

}

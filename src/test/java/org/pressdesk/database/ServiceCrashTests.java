package org.pressdesk.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.pressdesk.Http;
import org.pressdesk.TestDatabase;
import org.pressdesk.webhook.Receiver;

/**
 * The service's JVM killed ({@code kill -9}) in the middle of an import, a contact-block
 * replace and a person edit: after a restart on the same data directory (whose server the
 * killed service left running) each of them is there whole or not at all.
 */
class ServiceCrashTests {

	private static final String PASSWORD = "crash test chief password";

	private static final int IMPORTED_CARDS = 5_000;

	@Test
	void aKilledServiceLeavesEachChangeWholeOrNotAtAll() throws Exception {
		Path dataDir = Path.of("target", "crash-test", UUID.randomUUID().toString()).toAbsolutePath();
		String tag = "Crash" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		Process first = null;
		Process second = null;
		try {
			int port = FreePort.pick();
			first = OwnJvm.launch(dataDir, port, PASSWORD, "first");
			Http editor = OwnJvm.awaitHealthy(first, port, PASSWORD);

			String organisation = editor.post("/api/v1/organisations", Http.toJson(Map.of("name", tag + " University")))
				.createdId();
			List<String> blockA = new ArrayList<>();
			List<String> blockB = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				blockA.add(person(editor, "Anna" + i, tag, organisation));
				blockB.add(person(editor, "Boris" + i, tag, organisation));
			}
			String articleId = editor.send("PUT", "/api/v1/articles/by-ref/" + tag, "application/json", """
					{ "title": "Crash %s", "status": "PUBLISHED" }""".formatted(tag)).text("$.id");
			String edited = person(editor, "Edith", tag, organisation);
			String stateX = """
					{ "familyName": "Xavier", "emails": [ { "value": "x1.%1$s@crash.example" }, { "value": "x2.%1$s@crash.example" } ],
					  "phones": [ { "value": "+44 1223 700001" } ], "topics": ["x"] }"""
				.formatted(tag.toLowerCase());
			String stateY = """
					{ "familyName": "Yates", "emails": [ { "value": "y1.%1$s@crash.example" } ],
					  "phones": [ { "value": "+44 1223 700002" }, { "value": "+44 1223 700003" } ], "topics": ["y", "yy"] }"""
				.formatted(tag.toLowerCase());

			AtomicBoolean running = new AtomicBoolean(true);
			CompletableFuture<Void> importing = CompletableFuture
				.runAsync(() -> quietly(() -> editor.send("POST", "/api/v1/imports", "text/vcard", cards(tag))));
			CompletableFuture<Void> replacing = CompletableFuture.runAsync(() -> {
				for (int i = 0; running.get(); i++) {
					List<String> block = i % 2 == 0 ? blockA : blockB;
					quietly(() -> editor
						.send("PUT", "/api/v1/articles/" + articleId + "/contacts", "application/json", Http.toJson(
								block.stream().map(id -> Map.of("personId", id, "role", "PRESS_CONTACT")).toList())));
				}
			});
			CompletableFuture<Void> editing = CompletableFuture.runAsync(() -> {
				for (int i = 0; running.get(); i++) {
					String state = i % 2 == 0 ? stateX : stateY;
					quietly(() -> editor.patch("/api/v1/people/" + edited, state));
				}
			});
			Thread.sleep(2_500);
			assertThat(importing).as("the import is still running when the service is killed").isNotDone();
			first.destroyForcibly();
			assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
			running.set(false);
			CompletableFuture.allOf(importing, replacing, editing).get(1, TimeUnit.MINUTES);

			second = OwnJvm.launch(dataDir, port, PASSWORD, "second");
			Http after = OwnJvm.awaitHealthy(second, port, PASSWORD);
			assertThat(Files.readString(dataDir.resolve("second.log")))
				.as("the server the killed service left running is stopped, not a reason to fail")
				.contains("left running on");

			int imported = countPeople(after, "Importee" + tag);
			assertThat(imported).as("people of the import: all or none").isIn(0, IMPORTED_CARDS);
			List<String> block = after.get("/api/v1/articles/" + articleId)
				.json()
				.get("contacts")
				.valueStream()
				.map(contact -> contact.get("personId").asString())
				.toList();
			assertThat(block).as("the contact block is one of the two written, whole").isIn(blockA, blockB);
			JsonNode person = after.get("/api/v1/people/" + edited).json();
			String family = person.get("familyName").asString();
			assertThat(family).isIn("Xavier", "Yates");
			List<Integer> expected = family.equals("Xavier") ? List.of(2, 1, 1) : List.of(1, 2, 2);
			assertThat(List.of(person.get("emails").size(), person.get("phones").size(), person.get("topics").size()))
				.as("emails, phones and topics of the same edit as the name: %s", person)
				.isEqualTo(expected);
			assertThat(person.get("emails").get(0).get("value").asString())
				.startsWith(family.substring(0, 1).toLowerCase());
		}
		finally {
			OwnJvm.stop(first);
			OwnJvm.stop(second);
			TestDatabase.deleteDirectory(dataDir);
		}
	}

	/**
	 * A change committed but not yet delivered (its receiver was down) when the service
	 * is killed: the event was written with the change, so the restarted service delivers
	 * it.
	 */
	@Test
	void aWebhookNotYetDeliveredWhenTheServiceIsKilledIsDeliveredAfterARestart() throws Exception {
		Path dataDir = Path.of("target", "crash-test", UUID.randomUUID().toString()).toAbsolutePath();
		String hooks = "--pressdesk.webhooks.allow-private-networks=true";
		Process first = null;
		Process second = null;
		Receiver down = new Receiver();
		int receiverPort = down.port();
		String url = down.url();
		down.close();
		try {
			int port = FreePort.pick();
			first = OwnJvm.launch(dataDir, port, PASSWORD, "first", hooks);
			Http admin = OwnJvm.awaitHealthy(first, port, PASSWORD);
			String hook = admin.post("/api/v1/webhooks", "{\"url\": \"" + url + "\", \"events\": [\"person.created\"]}")
				.createdId();
			String personId = admin.post("/api/v1/people", "{\"familyName\": \"Undelivered\"}").createdId();
			// the first attempt met no receiver; the next is seconds away
			awaitAttempted(admin, hook);
			first.destroyForcibly();
			assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();

			try (Receiver receiver = new Receiver(receiverPort)) {
				second = OwnJvm.launch(dataDir, port, PASSWORD, "second", hooks);
				OwnJvm.awaitHealthy(second, port, PASSWORD);
				List<Receiver.Received> received = receiver.await(m -> m.type().equals("person.created"), 1,
						Duration.ofSeconds(60));
				assertThat(received.get(0).body()).contains(personId);
			}
		}
		finally {
			OwnJvm.stop(first);
			OwnJvm.stop(second);
			TestDatabase.deleteDirectory(dataDir);
		}
	}

	private static void awaitAttempted(Http admin, String hook) throws InterruptedException {
		for (int i = 0; i < 200; i++) {
			JsonNode items = admin.get("/api/v1/webhooks/" + hook + "/deliveries").json().get("items");
			if (!items.isEmpty() && items.get(0).get("attempts").asInt() >= 1
					&& items.get(0).get("status").asString().equals("PENDING")
					&& !items.get(0).get("lastError").isNull()) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("the delivery was not attempted");
	}

	private static String person(Http editor, String given, String family, String organisation) {
		String id = editor.post("/api/v1/people", Http.toJson(Map.of("givenName", given, "familyName", family)))
			.createdId();
		editor.post("/api/v1/people/" + id + "/affiliations",
				Http.toJson(Map.of("organisationId", organisation, "title", "Press Officer", "primary", true)));
		return id;
	}

	private static String cards(String tag) {
		StringBuilder file = new StringBuilder();
		for (int i = 0; i < IMPORTED_CARDS; i++) {
			file.append("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Importee")
				.append(tag)
				.append(";Card")
				.append(i)
				.append(";;;\r\nFN:Card")
				.append(i)
				.append(" Importee")
				.append(tag)
				.append("\r\nEMAIL;TYPE=work:card")
				.append(i)
				.append('.')
				.append(tag.toLowerCase())
				.append("@import.example\r\nEND:VCARD\r\n");
		}
		return file.toString();
	}

	private static int countPeople(Http client, String word) {
		int count = 0;
		String cursor = null;
		do {
			JsonNode page = client
				.get("/api/v1/people?limit=100&q=" + Http.query(word) + (cursor == null ? "" : "&cursor=" + cursor))
				.json();
			count += page.get("items").size();
			cursor = page.get("next").isNull() ? null : page.get("next").asString();
		}
		while (cursor != null);
		return count;
	}

	private static void quietly(Runnable request) {
		try {
			request.run();
		}
		catch (IllegalStateException killed) {
			// the service went away mid-request
		}
	}

}

package org.pressdesk.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import org.pressdesk.ApiTestSupport;
import org.pressdesk.Http;
import org.pressdesk.article.ArticleFixtures;

/**
 * The change feed over HTTP: thin events in commit order, {@code press-block.changed}
 * exactly when what the public sees changes, nothing for a write that was refused, and a
 * consumer polling with its cursor while writes go on misses nothing and sees nothing
 * twice.
 */
class ChangeFeedTests extends ApiTestSupport {

	@Test
	void aPublicPhoneChangeOnAPublishedArticleChangesItsPressBlockOnceAnInternalOneDoesNot()
			throws InterruptedException {
		String tag = unique("f").replaceAll("[^a-z0-9]", "");
		ArticleFixtures fixtures = new ArticleFixtures(editor, tag);
		String university = fixtures.organisation("Feed University " + tag, null);
		JsonNode person = fixtures.person("Fay", "Feeder", university, "Press Officer");
		String personId = person.get("id").asString();
		JsonNode article = editor
			.post("/api/v1/articles",
					"{\"title\": \"Feed news " + tag + "\", \"status\": \"PUBLISHED\", \"externalRef\": \"cms-" + tag
							+ "\", \"contacts\": [{\"personId\": \"" + personId + "\", \"role\": \"PRESS_CONTACT\"}]}")
			.json();
		String articleId = article.get("id").asString();
		String cursor = end();
		// numbers of this run only: an import elsewhere matches people by phone
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String publicPhone = String.format("01223 7%05d", random.nextInt(100_000));
		String mobile = String.format("07700 9%04d", random.nextInt(10_000));

		editor.patch("/api/v1/people/" + personId, "{\"phones\": [{\"value\": \"" + publicPhone + "\", \"visibility\": "
				+ "\"PUBLIC\"}, {\"value\": \"" + mobile + "1\", \"kind\": \"MOBILE\"}]}");
		List<JsonNode> events = after(cursor, 2);
		assertThat(types(events)).containsExactly("person.updated", "press-block.changed");
		assertThat(events.get(1).get("data").toString()).isEqualTo("{\"articleId\":\"" + articleId + "\",\"slug\":\""
				+ article.get("slug").asString() + "\",\"externalRef\":\"cms-" + tag + "\"}");
		assertThat(events.get(0).get("data").toString()).as("ids, no personal data")
			.isEqualTo("{\"id\":\"" + personId + "\"}");

		cursor = end();
		editor.patch("/api/v1/people/" + personId, "{\"phones\": [{\"value\": \"" + publicPhone + "\", \"visibility\": "
				+ "\"PUBLIC\"}, {\"value\": \"" + mobile + "2\", \"kind\": \"MOBILE\"}]}");
		assertThat(types(after(cursor, 1))).as("an INTERNAL phone").containsExactly("person.updated");

		cursor = end();
		Http.Response refused = editor.patch("/api/v1/people/" + personId, "{\"pronouns\": \"she/her\"}", "If-Match",
				"\"1\"");
		assertThat(refused.status()).isEqualTo(412);
		editor.patch("/api/v1/articles/" + articleId, "{\"status\": \"DRAFT\"}");
		assertThat(types(after(cursor, 3))).as("the refused write sent nothing; unpublishing")
			.containsExactly("article.updated", "article.unpublished", "press-block.changed");
		assertThat(viewer.get("/api/v1/changes?after=" + end()).<List<Object>>at("$.items")).isEmpty();
	}

	@Test
	void aConsumerPollingWhileWritesGoOnMissesNothingAndSeesNothingTwice() throws Exception {
		String tag = unique("p").replaceAll("[^a-z0-9]", "");
		String start = end();
		ConcurrentLinkedQueue<String> created = new ConcurrentLinkedQueue<>();
		AtomicBoolean writing = new AtomicBoolean(true);
		ExecutorService writers = Executors.newFixedThreadPool(4);
		List<Future<?>> work = new ArrayList<>();
		for (int w = 0; w < 4; w++) {
			int writer = w;
			work.add(writers.submit(() -> {
				for (int i = 0; i < 15; i++) {
					created.add(
							editor
								.post("/api/v1/people",
										Http.toJson(
												Map.of("givenName", "Writer" + writer, "familyName", "Poll" + tag + i)))
								.createdId());
				}
			}));
		}
		List<String> seen = new ArrayList<>();
		String cursor = start;
		Thread reader = Thread.currentThread();
		writers.submit(() -> {
			for (Future<?> one : work) {
				try {
					one.get();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}
			writing.set(false);
			return reader;
		});
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while ((writing.get() || seen.stream().filter(created::contains).count() < 60)
				&& System.nanoTime() < deadline) {
			JsonNode page = viewer.get("/api/v1/changes?limit=7&after=" + cursor).json();
			page.get("items").forEach(event -> {
				if (event.get("type").asString().equals("person.created")) {
					seen.add(event.get("data").get("id").asString());
				}
			});
			cursor = page.get("next").asString();
		}
		writers.shutdown();
		assertThat(created).hasSize(60);
		List<String> ours = seen.stream().filter(created::contains).toList();
		assertThat(ours).as("each once").doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
	}

	/** The cursor after every event so far (those of earlier commits put in order). */
	private String end() throws InterruptedException {
		Thread.sleep(500);
		String cursor = "0";
		while (true) {
			JsonNode page = viewer.get("/api/v1/changes?limit=1000&after=" + cursor).json();
			cursor = page.get("next").asString();
			if (page.get("items").isEmpty()) {
				return cursor;
			}
		}
	}

	/**
	 * The events after the cursor once there are at least {@code count} (events are put
	 * in order a moment after their commit), and a moment more for any beyond them.
	 */
	private List<JsonNode> after(String cursor, int count) throws InterruptedException {
		List<JsonNode> events = new ArrayList<>();
		for (int i = 0; i < 100 && events.size() < count; i++) {
			Thread.sleep(50);
			events.clear();
			viewer.get("/api/v1/changes?after=" + cursor).json().get("items").forEach(events::add);
		}
		Thread.sleep(500);
		events.clear();
		viewer.get("/api/v1/changes?after=" + cursor).json().get("items").forEach(events::add);
		return events;
	}

	private static List<String> types(List<JsonNode> events) {
		return events.stream().map(event -> event.get("type").asString()).toList();
	}

}

package org.pressdesk.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.pressdesk.ApiTestSupport;
import org.pressdesk.Http;
import org.pressdesk.PressdeskApplication;
import org.pressdesk.TestDatabase;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances on one database, each with its own index: what one writes, the other
 * finds by following the change log (about a second), and the writer at once.
 */
class SearchAcrossInstancesTests extends ApiTestSupport {

	@Test
	void aChangeMadeOnOneInstanceIsFoundOnTheOtherShortlyAfter() throws Exception {
		try (ConfigurableApplicationContext other = new SpringApplicationBuilder(PressdeskApplication.class).run(
				"--server.port=0", "--spring.datasource.url=" + TestDatabase.jdbcUrl(),
				"--spring.datasource.username=" + TestDatabase.username(),
				"--spring.datasource.password=" + TestDatabase.password(),
				"--pressdesk.admin-password=" + ADMIN_PASSWORD, "--pressdesk.demo-data=false",
				"--pressdesk.api.rate-limit-per-minute=0")) {
			Http otherViewer = Http.anonymous(((WebServerApplicationContext) other).getWebServer().getPort())
				.as("test-viewer", STAFF_PASSWORD);
			String tag = unique("tag");
			assertThat(search(otherViewer, tag)).isEmpty();

			String id = editor
				.post("/api/v1/people", Http.toJson(Map.of("givenName", "Ines", "familyName", "Other " + tag)))
				.createdId();
			assertThat(search(viewer, tag)).as("the writing instance, at once").containsExactly(id);
			long started = System.nanoTime();
			List<String> found = List.of();
			while (found.isEmpty() && System.nanoTime() - started < 10_000_000_000L) {
				Thread.sleep(50);
				found = search(otherViewer, tag);
			}
			System.out.printf("The other instance found the new person after %d ms%n",
					(System.nanoTime() - started) / 1_000_000);
			assertThat(found).as("the other instance, by following the log").containsExactly(id);

			editor.delete("/api/v1/people/" + id);
			assertThat(search(viewer, tag)).as("a deletion, at once on the writer").isEmpty();
		}
	}

	private static List<String> search(Http as, String q) {
		return as.get("/api/v1/people?q=" + Http.query(q)).at("$.items[*].id");
	}

}

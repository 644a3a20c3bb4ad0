package org.pressdesk.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.pressdesk.ApiTestSupport;
import org.pressdesk.Browser;
import org.pressdesk.SeedDirectory;

import org.springframework.test.context.TestPropertySource;
import org.springframework.web.util.HtmlUtils;

/** The article pages, over HTTP without a browser, in a press office on London time. */
@TestPropertySource(properties = "pressdesk.time-zone=Europe/London")
class ArticlePageTests extends ApiTestSupport {

	@Test
	void anEditorSetsThePublicationTimeInTheOfficesZoneAndArticlesAreToldApartByIt() {
		String tag = unique("ap");
		String id = editor.post("/api/v1/articles", "{\"title\": \"Same title " + tag + "\"}").createdId();
		editor.post("/api/v1/articles", "{\"title\": \"Same title " + tag + "\", \"status\": \"PUBLISHED\", "
				+ "\"publishedAt\": \"2024-01-15T12:00:00Z\"}");
		Browser browser = new Browser(port);
		browser.login("test-editor", STAFF_PASSWORD);

		Map<String, String> form = Browser.formFields(browser.get("/articles/" + id).body());
		assertThat(form).containsEntry("publishedAt", "");
		form.put("status", "PUBLISHED");
		form.put("publishedAt", "2024-10-16T10:00");
		assertThat(browser.post("/articles/" + id, form).statusCode()).isEqualTo(302);

		assertThat(viewer.get("/api/v1/articles/" + id).text("$.publishedAt"))
			.as("10:00 in London in October is 09:00 UTC")
			.isEqualTo("2024-10-16T09:00:00Z");
		assertThat(browser.get("/articles/" + id).body()).contains("value=\"2024-10-16T10:00\"",
				"published 16 Oct 2024, 10:00", "Published (Europe/London)");
		assertThat(browser.get("/articles?q=" + tag).body()).as("two articles of one title, told apart")
			.contains("16 Oct 2024, 10:00", "15 Jan 2024, 12:00", ">Published<")
			.doesNotContain(">PUBLISHED<");
	}

	@Test
	void theBlockShowsEachOrganisationWithItsPlaceInTheTree() {
		SeedDirectory seed = SeedDirectory.create(editor, unique("tree"));
		Browser browser = new Browser(port);
		browser.login("test-editor", STAFF_PASSWORD);

		String page = HtmlUtils.htmlUnescape(browser.get("/articles/" + seed.articleId()).body());

		assertThat(page).as("the choice of what is shown")
			.contains(">Head of Policy Links, University of Cambridge " + seed.tag() + " › Institute for Manufacturing "
					+ seed.tag() + " › Cambridge Industrial Innovation Policy " + seed.tag() + "<");
		assertThat(page).as("the preview, as a press release names it")
			.contains("Head of Policy Links, Cambridge Industrial Innovation Policy " + seed.tag()
					+ ", Institute for Manufacturing " + seed.tag() + ", University of Cambridge " + seed.tag());
		assertThat(HtmlUtils.htmlUnescape(anonymous.get("/press/" + seed.slug()).body()))
			.contains(">Babbage Policy Forum " + seed.tag() + ", University of Cambridge " + seed.tag() + "<");
	}

	@Test
	void publishingWithoutATimeStampsTheMomentAndLeavingItEmptyKeepsIt() {
		String id = editor.post("/api/v1/articles", "{\"title\": \"" + unique("Stamp ") + "\"}").createdId();
		Browser browser = new Browser(port);
		browser.login("test-editor", STAFF_PASSWORD);

		Map<String, String> form = Browser.formFields(browser.get("/articles/" + id).body());
		form.put("status", "PUBLISHED");
		browser.post("/articles/" + id, form);
		String stamped = viewer.get("/api/v1/articles/" + id).text("$.publishedAt");
		form = Browser.formFields(browser.get("/articles/" + id).body());
		form.put("publishedAt", "");
		form.put("title", "Retitled");
		browser.post("/articles/" + id, form);

		assertThat(stamped).isNotNull();
		assertThat(viewer.get("/api/v1/articles/" + id).text("$.publishedAt")).isEqualTo(stamped);
	}

}

package org.pressdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.pressdesk.ApiTestSupport;
import org.pressdesk.Browser;

import org.springframework.web.util.HtmlUtils;

/** The audit page, over HTTP without a browser. */
class AuditPageTests extends ApiTestSupport {

	@Test
	void entriesNameTheirRecordsWithLinksAndSayWhatHappenedInWords() {
		String tag = unique("au");
		String person = editor
			.post("/api/v1/people", "{\"givenName\": \"Audrey\", \"familyName\": \"Named " + tag + "\"}")
			.createdId();
		String article = editor.post("/api/v1/articles", "{\"title\": \"Audited article " + tag + "\"}").createdId();
		Browser browser = new Browser(port);
		browser.login("admin", ADMIN_PASSWORD);

		String byPerson = HtmlUtils.htmlUnescape(browser.get("/admin/audit?entity=person&entityId=" + person).body());
		String byArticle = HtmlUtils
			.htmlUnescape(browser.get("/admin/audit?entity=article&entityId=" + article).body());

		assertThat(byPerson).contains("href=\"/people/" + person + "\">person Audrey Named " + tag + "</a>",
				">Created<");
		assertThat(byArticle).contains("href=\"/articles/" + article + "\">article Audited article " + tag + "</a>");
		assertThat(byPerson).doesNotContain(">person " + person + "<");
		String affiliation = editor
			.post("/api/v1/people/" + person + "/affiliations", "{\"organisationId\": \""
					+ editor.post("/api/v1/organisations", "{\"name\": \"Audit Org " + tag + "\"}").createdId() + "\"}")
			.createdId();
		assertThat(
				HtmlUtils.htmlUnescape(browser.get("/admin/audit?entity=affiliation&entityId=" + affiliation).body()))
			.contains("href=\"/people/" + person + "\">affiliation of Audrey Named " + tag + "</a>");
	}

}

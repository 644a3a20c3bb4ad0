package org.pressdesk.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.pressdesk.ApiTestSupport;
import org.pressdesk.Browser;
import org.pressdesk.Http;
import org.pressdesk.web.Page;

/**
 * "More results" on the staff pages leads to the next people of the same list: of the
 * query typed into the search box, or of the organisation whose page it is. Over HTTP,
 * without a browser.
 */
class ResultPagingTests extends ApiTestSupport {

	@Test
	void moreResultsContinueTheSameList() {
		String tag = unique("m");
		String organisation = editor.post("/api/v1/organisations", "{\"name\": \"Paging Institute " + tag + "\"}")
			.text("$.id");
		for (int i = 0; i < 55; i++) {
			String person = editor
				.post("/api/v1/people", Http.toJson(Map.of("givenName", "Page" + i, "familyName", "Reader-" + tag)))
				.createdId();
			editor.post("/api/v1/people/" + person + "/affiliations",
					Http.toJson(Map.of("organisationId", organisation, "title", "Reader")));
		}
		Browser browser = new Browser(port);
		browser.login("test-viewer", STAFF_PASSWORD);

		// the list as the search page swaps it in while someone types: 20 at a time
		List<String> typed = new ArrayList<>();
		String path = "/people/results?q=reader-" + tag;
		while (path != null) {
			String html = browser.get(path).body();
			typed.addAll(names(html));
			path = more(html);
		}
		assertThat(typed).hasSize(55).doesNotHaveDuplicates().allMatch(name -> name.endsWith("Reader-" + tag));

		// an organisation's people: 50 on its page, the rest on the same page's next page
		String first = browser.get("/organisations/" + organisation).body();
		assertThat(names(first)).hasSize(50);
		String next = more(first);
		assertThat(next).startsWith("/organisations/" + organisation + "?cursor=");
		List<String> rest = names(browser.get(next).body());
		assertThat(rest).hasSize(5).doesNotContainAnyElementsOf(names(first));
	}

	private static List<String> names(String html) {
		List<String> names = new ArrayList<>();
		Matcher name = Pattern.compile("<a class=\"name\" href=\"/people/[^\"]+\">([^<]+)</a>").matcher(html);
		while (name.find()) {
			names.add(name.group(1));
		}
		return names;
	}

	private static String more(String html) {
		Matcher link = Pattern.compile("<a href=\"([^\"]+)\">More results</a>").matcher(html);
		return link.find() ? link.group(1).replace("&amp;", "&") : null;
	}

}

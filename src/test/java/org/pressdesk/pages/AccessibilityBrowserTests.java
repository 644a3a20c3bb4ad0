package org.pressdesk.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;

import org.pressdesk.Http;

/**
 * Every main page through Deque's axe-core rules for WCAG 2.1 A and AA (contrast, labels,
 * names, landmarks, ARIA, focusable controls), in Chromium, at a desktop's width and at a
 * phone's, where nothing may need sideways scrolling. Screenshots of the phone views go
 * to target/screenshots.
 */
class AccessibilityBrowserTests extends BrowserTestSupport {

	private static final Dimension DESKTOP = new Dimension(1280, 900);

	/** An iPhone 15's viewport in CSS pixels. */
	private static final Dimension PHONE = new Dimension(393, 852);

	private String personId;

	private String affiliationId;

	private String organisationId;

	private String articleId;

	private String slug;

	@BeforeEach
	void directoryAndBrowser() throws IOException {
		String tag = unique("a");
		organisationId = editor
			.post("/api/v1/organisations", "{\"name\": \"Institut für Ångström-Studien " + tag + "\"}")
			.text("$.id");
		personId = editor.post("/api/v1/people",
				Http.toJson(Map.of("givenName", "Zoë", "familyName", "Łópez-" + tag, "pronouns", "she/her", "topics",
						List.of("climate change"), "notes", "Prefers email.", "emails",
						List.of(Map.of("value", tag + "@press.example.org", "visibility", "PUBLIC")), "phones",
						List.of(Map.of("value", "01223 765432", "visibility", "PUBLIC")))))
			.createdId();
		affiliationId = editor
			.post("/api/v1/people/" + personId + "/affiliations",
					Http.toJson(Map.of("organisationId", organisationId, "title", "Head of Press", "primary", true)))
			.createdId();
		var article = editor
			.post("/api/v1/articles", Http
				.toJson(Map.of("title", "Ångström day " + tag, "summary", "A day of light.", "status", "PUBLISHED")))
			.json();
		articleId = article.get("id").asString();
		slug = article.get("slug").asString();
		editor.send("PUT", "/api/v1/articles/" + articleId + "/contacts", "application/json",
				"[{\"personId\": \"" + personId + "\", \"role\": \"PRESS_CONTACT\"}]");
		// so that the webhooks page has an endpoint with a delivery that failed (nobody
		// listens on the discard port)
		String hook = admin.post("/api/v1/webhooks", "{\"url\": \"http://127.0.0.1:9/hook\"}").createdId();
		admin.post("/api/v1/webhooks/" + hook + "/test", "");
		// so that the API clients page has a row with its buttons
		admin.post("/api/v1/api-clients", "{\"name\": \"CMS " + tag + "\", \"scopes\": [\"articles:read\"]}");
	}

	@Test
	void everyMainPageMeetsWcag21AaAndFitsAPhone() {
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("home", "/");
		pages.put("search", "/?q=zoe");
		pages.put("person", "/people/" + personId);
		pages.put("edit-person", "/people/" + personId + "/edit");
		pages.put("new-person", "/people/new");
		pages.put("edit-affiliation", "/people/" + personId + "/affiliations/" + affiliationId + "/edit");
		pages.put("organisations", "/organisations");
		pages.put("organisation", "/organisations/" + organisationId);
		pages.put("edit-organisation", "/organisations/" + organisationId + "/edit");
		pages.put("articles", "/articles");
		pages.put("article", "/articles/" + articleId);
		pages.put("import", "/imports");
		pages.put("duplicates", "/duplicates");
		pages.put("users", "/admin/users");
		pages.put("api-clients", "/admin/api-clients");
		pages.put("audit", "/admin/audit");
		pages.put("webhooks", "/admin/webhooks");

		RealBrowser.signIn(browser, port, "admin", ADMIN_PASSWORD);
		List<String> problems = new ArrayList<>();
		pages.forEach((name, path) -> problems.addAll(check(name, path)));
		// a form showing its errors: the marked fields and their messages must be
		// accessible too
		browser.get(url("/people/" + personId + "/edit"));
		browser.findElement(By.id("phones0.value")).clear();
		browser.findElement(By.id("phones0.value")).sendKeys("not a phone");
		RealBrowser.submit(browser, By.cssSelector("form.edit button[type=submit]"));
		problems.addAll(violations("edit-person with an error"));
		// a pair side by side, and the merge that offers its undo
		String twin = editor
			.post("/api/v1/people", Http.toJson(Map.of("givenName", "Zoe", "familyName", "Twin", "emails",
					List.of(Map.of("value", editor.get("/api/v1/people/" + personId).text("$.emails[0].value"))))))
			.createdId();
		problems.addAll(check("compare-pair",
				"/duplicates/" + editor.get("/api/v1/duplicates?person=" + twin).text("$.items[0].id")));
		problems.addAll(check("merged",
				"/merges/" + editor.post("/api/v1/people/" + personId + "/merge", "{\"from\": \"" + twin + "\"}")
					.text("$.merge.id")));
		// what a VIEWER reads instead of forms
		browser.manage().deleteAllCookies();
		RealBrowser.signIn(browser, port, "test-viewer", STAFF_PASSWORD);
		problems.addAll(check("article-as-viewer", "/articles/" + articleId));
		problems.addAll(check("person-as-viewer", "/people/" + personId));

		assertThat(problems).isEmpty();
	}

	@Test
	void theSignInPageAndThePublicPressPageToo() {
		List<String> problems = new ArrayList<>();
		problems.addAll(check("login", "/login"));
		problems.addAll(check("press-page", "/press/" + slug));
		assertThat(problems).isEmpty();
	}

	@Test
	void theFirstTabOffersToSkipToTheContent() {
		RealBrowser.signIn(browser, port, "test-editor", STAFF_PASSWORD);
		browser.get(url("/people/" + personId));
		browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
		assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Skip to content");
		browser.switchTo().activeElement().sendKeys(Keys.ENTER);
		browser.switchTo().activeElement().sendKeys(Keys.TAB);
		assertThat(browser.switchTo().activeElement().findElement(By.xpath("ancestor::main")).getAttribute("id"))
			.as("the next Tab is inside the page's content, past the navigation")
			.isEqualTo("main");
	}

	/**
	 * The page at both widths: what axe finds, and anything wider than a phone's screen.
	 */
	private List<String> check(String name, String path) {
		List<String> problems = new ArrayList<>();
		browser.manage().window().setSize(DESKTOP);
		browser.get(url(path));
		problems.addAll(violations(name));
		browser.manage().window().setSize(PHONE);
		browser.get(url(path));
		problems.addAll(violations(name + " on a phone"));
		Object tooWide = ((JavascriptExecutor) browser).executeScript("""
				const width = document.documentElement.clientWidth;
				if (document.documentElement.scrollWidth <= width) return null;
				// the innermost elements reaching past the screen's edge, to say what to fix
				return Array.from(document.querySelectorAll('body *'))
				  .filter(e => e.getBoundingClientRect().right > width + 1)
				  .filter(e => !Array.from(e.children).some(c => c.getBoundingClientRect().right > width + 1))
				  .filter(e => !e.parentElement.closest('.table-scroll'))
				  .slice(0, 5).map(e => e.outerHTML.slice(0, 120)).join(' | ');""");
		if (tooWide != null) {
			problems.add(name + " on a phone: scrolls sideways because of " + tooWide);
		}
		Object outOfSight = ((JavascriptExecutor) browser).executeScript("""
				// a form control a phone shows only after scrolling a box sideways is one
				// nobody finds
				const width = document.documentElement.clientWidth;
				return Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea, button'))
				  .filter(e => e.offsetParent !== null && !e.closest('.visually-hidden'))
				  .filter(e => e.getBoundingClientRect().right > width + 1)
				  .slice(0, 5).map(e => e.outerHTML.slice(0, 120)).join(' | ') || null;""");
		if (outOfSight != null) {
			problems.add(name + " on a phone: controls beyond the screen's edge: " + outOfSight);
		}
		RealBrowser.screenshot(browser, "phone-" + name);
		browser.manage().window().setSize(DESKTOP);
		return problems;
	}

	private List<String> violations(String page) {
		Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
			.analyze(browser);
		assertThat(results.isErrored()).as("axe ran on " + page + ": " + results.getErrorMessage()).isFalse();
		List<String> found = new ArrayList<>();
		for (Rule rule : results.getViolations()) {
			for (CheckedNode node : rule.getNodes()) {
				found.add(page + ": " + rule.getId() + " (" + rule.getHelp() + ") at " + node.getTarget() + ": "
						+ node.getFailureSummary());
			}
		}
		return found;
	}

	private String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

}

package org.pressdesk.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WrapsDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

import org.pressdesk.Http;

/** The staff pages in Debian's Chromium: what a press officer does all day. */
class StaffPagesBrowserTests extends BrowserTestSupport {

	private String tag;

	private String personId;

	@BeforeEach
	void personAndBrowser() throws IOException {
		tag = unique("b");
		String org = editor.post("/api/v1/organisations", "{\"name\": \"Institut für Ångström-Studien " + tag + "\"}")
			.text("$.id");
		personId = editor
			.post("/api/v1/people",
					Http.toJson(Map.of("givenName", "Zoë", "familyName", "Łópez-" + tag, "emails",
							List.of(Map.of("value", tag + "@press.example.org", "visibility", "PUBLIC")), "phones",
							List.of(Map.of("value", "01223 765432")), "topics", List.of("climate change"))))
			.createdId();
		editor.post("/api/v1/people/" + personId + "/affiliations",
				Http.toJson(Map.of("organisationId", org, "title", "Head of Press", "primary", true)));
	}

	@Test
	void anEditorFindsAnAccentedNameWithoutAccentsOpensItEditsAPhoneAndDownloadsTheCard() throws Exception {
		RealBrowser.signIn(browser, port, "test-editor", STAFF_PASSWORD);
		assertThat(browser.findElement(By.id("q")).getAttribute("placeholder")).contains("Name");

		browser.findElement(By.id("q")).sendKeys("zoe lopez-" + tag.toLowerCase());
		// the list of the whole query, not of a prefix typed on the way (the page puts it
		// in the address)
		RealBrowser.waitUpTo(browser, 5).until(ExpectedConditions.urlContains("q=zoe+lopez-" + tag.toLowerCase()));
		WebElement result = RealBrowser.waitUpTo(browser, 5)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#results li.result a.name")));
		assertThat(result.getText()).isEqualTo("Zoë Łópez-" + tag);
		assertThat(browser.findElement(By.cssSelector("#results li.result .work")).getText())
			.isEqualTo("Head of Press, Institut für Ångström-Studien " + tag);
		assertThat(browser.findElement(By.cssSelector("#results li.result .matched")).getText())
			.isEqualTo("Matched on name");
		assertThat(browser.findElement(By.cssSelector(".overview")).isDisplayed())
			.as("the recent changes give way to the results, as they do without JavaScript")
			.isFalse();
		RealBrowser.screenshot(browser, "search");
		WebElement copy = browser.findElement(By.cssSelector("#results li.result button.copy"));
		assertThat(copy.getAttribute("data-copy")).isEqualTo(tag + "@press.example.org");
		copy.click();
		RealBrowser.waitUpTo(browser, 5).until(ExpectedConditions.textToBePresentInElement(copy, "Copied"));

		// without a mouse: down into the results, Enter opens the person
		browser.findElement(By.id("q")).sendKeys(Keys.ARROW_DOWN);
		assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Zoë Łópez-" + tag);
		browser.switchTo().activeElement().sendKeys(Keys.ENTER);
		RealBrowser.waitUpTo(browser, 5).until(ExpectedConditions.urlContains("/people/" + personId));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Zoë Łópez-" + tag);
		assertThat(browser.findElement(By.cssSelector("main")).getText()).contains("+44 1223 765432", "INTERNAL",
				tag + "@press.example.org", "PUBLIC", "climate change", "CREATED");
		browser.findElement(By.cssSelector("details.qr summary")).click();
		assertThat(decodeQr(browser.findElement(By.cssSelector("details.qr svg")))).as("what a phone's camera reads")
			.contains("BEGIN:VCARD", "FN:Zoë Łópez-" + tag, "+44 1223 765432");
		RealBrowser.screenshot(browser, "person");

		browser.findElement(By.linkText("Institut für Ångström-Studien " + tag)).click();
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Institut für Ångström-Studien " + tag);
		assertThat(browser.findElement(By.id("results")).getText()).contains("Zoë Łópez-" + tag, "Head of Press");
		RealBrowser.screenshot(browser, "organisation");
		browser.findElement(By.linkText("Edit")).click();
		browser.findElement(By.id("website")).sendKeys("ftp://nowhere");
		RealBrowser.submit(browser, By.cssSelector("form.edit button[type=submit]"));
		assertThat(browser.findElement(By.id("website-error")).getText()).contains("web address");
		browser.findElement(By.id("website")).clear();
		browser.findElement(By.id("website")).sendKeys("angstrom.example.org");
		browser.findElement(By.id("country")).sendKeys("se");
		RealBrowser.submit(browser, By.cssSelector("form.edit button[type=submit]"));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Saved.", "SE", "Website");
		browser.get("http://127.0.0.1:" + port + "/people/" + personId);

		browser.findElement(By.linkText("Edit")).click();
		WebElement phone = browser.findElement(By.id("phones0.value"));
		phone.clear();
		phone.sendKeys("not a phone");
		RealBrowser.submit(browser, By.cssSelector("form.edit button[type=submit]"));
		assertThat(browser.findElement(By.id("phones0-error")).getText()).contains("not a possible phone number");
		assertThat(browser.findElement(By.id("phones0.value")).getAttribute("aria-invalid")).isEqualTo("true");
		RealBrowser.screenshot(browser, "edit-person-error");

		phone = browser.findElement(By.id("phones0.value"));
		phone.clear();
		phone.sendKeys("+44 (0)1223 123456");
		RealBrowser.submit(browser, By.cssSelector("form.edit button[type=submit]"));
		RealBrowser.waitUpTo(browser, 5).until(ExpectedConditions.urlContains("saved"));
		assertThat(browser.findElement(By.cssSelector("main")).getText()).as("normalised")
			.contains("+44 1223 123456")
			.doesNotContain("(0)");

		browser.findElement(By.linkText("vCard 3.0")).click();
		Path card = waitForDownload();
		String text = Files.readString(card, StandardCharsets.UTF_8);
		assertThat(text).contains("FN:Zoë Łópez-" + tag, "TEL;TYPE=work,voice,pref:+44 1223 123456",
				"TITLE:Head of Press");
	}

	@Test
	void anEditorAddsAndEndsAffiliationsOnThePersonsPage() {
		RealBrowser.signIn(browser, port, "test-editor", STAFF_PASSWORD);
		browser.get("http://127.0.0.1:" + port + "/people/" + personId);
		browser.findElement(By.id("organisation")).sendKeys("No such organisation " + tag);
		RealBrowser.submit(browser, By.xpath("//button[text()='Add affiliation']"));
		assertThat(browser.findElement(By.id("organisation-error")).getText())
			.contains("no organisation has this name");

		WebElement organisation = browser.findElement(By.id("organisation"));
		assertThat(organisation.getAttribute("value")).as("kept to be corrected")
			.isEqualTo("No such organisation " + tag);
		organisation.clear();
		organisation.sendKeys("institut fur angstrom-studien " + tag.toUpperCase());
		browser.findElement(By.id("aff-title")).sendKeys("Visiting Fellow");
		RealBrowser.submit(browser, By.xpath("//button[text()='Add affiliation']"));
		assertThat(browser.findElement(By.id("work-heading")).findElement(By.xpath("..")).getText())
			.contains("Head of Press", "Visiting Fellow");

		// someone gives it a department meanwhile: ending it as the page read it would
		// undo that
		String fellowship = affiliationTitled("Visiting Fellow").get("id").asString();
		editor.patch("/api/v1/people/" + personId + "/affiliations/" + fellowship, "{\"department\": \"Optics\"}");
		RealBrowser.submit(browser, By.xpath("//button[text()='End Visiting Fellow today']"));
		assertThat(browser.findElement(By.cssSelector(".notice[role=alert]")).getText())
			.contains("Someone else changed");
		assertThat(affiliationTitled("Visiting Fellow").get("endDate").isNull()).as("not ended yet").isTrue();

		RealBrowser.submit(browser, By.xpath("//button[text()='End Visiting Fellow today']"));
		assertThat(viewer.get("/api/v1/people/" + personId)
			.json()
			.get("affiliations")
			.valueStream()
			.filter(a -> a.get("title").asString().equals("Visiting Fellow"))
			.findFirst()
			.orElseThrow()
			.get("endDate")
			.isNull()).as("ended, kept as history").isFalse();
		assertThat(affiliationTitled("Visiting Fellow").get("department").asString()).isEqualTo("Optics");
	}

	@Test
	void aConcurrentEditIsShownNotOverwritten() {
		RealBrowser.signIn(browser, port, "test-editor", STAFF_PASSWORD);
		browser.get("http://127.0.0.1:" + port + "/people/" + personId + "/edit");
		editor.patch("/api/v1/people/" + personId, "{\"pronouns\": \"she/her\"}");
		WebElement given = browser.findElement(By.id("givenName"));
		given.clear();
		given.sendKeys("Zoe");
		RealBrowser.submit(browser, By.cssSelector("form.edit button[type=submit]"));
		assertThat(browser.findElement(By.cssSelector(".notice[role=alert]")).getText()).contains("Someone else saved");
		assertThat(viewer.get("/api/v1/people/" + personId).text("$.givenName")).isEqualTo("Zoë");
	}

	@Test
	void aViewerSeesNoEditButtonAndCannotPostAnEdit() {
		RealBrowser.signIn(browser, port, "test-viewer", STAFF_PASSWORD);
		browser.get("http://127.0.0.1:" + port + "/people/" + personId);
		assertThat(browser.findElements(By.partialLinkText("Edit"))).isEmpty();
		assertThat(browser.findElements(By.xpath("//button[text()='Add affiliation']"))).isEmpty();
		browser.get("http://127.0.0.1:" + port + "/people/" + personId + "/edit");
		assertThat(browser.getTitle()).contains("Not allowed");

		// a form built by hand, with the session's valid CSRF token, is refused all the
		// same
		browser.get("http://127.0.0.1:" + port + "/people/" + personId);
		((JavascriptExecutor) browser).executeScript(
				"""
						const form = document.querySelector('form.signout');
						form.action = '/people/' + arguments[0] + '/edit';
						form.insertAdjacentHTML('beforeend', '<input name="givenName" value="Changed"><input name="version" value="2">');""",
				personId);
		RealBrowser.submit(browser, By.cssSelector("form.signout button"));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Your role does not allow this");
		assertThat(viewer.get("/api/v1/people/" + personId).text("$.givenName")).isEqualTo("Zoë");
	}

	@Test
	void anEditorCorrectsAnAffiliationAndDeletesOneAddedByMistake() {
		String parentA = editor.post("/api/v1/organisations", "{\"name\": \"Universität Nord " + tag + "\"}")
			.text("$.id");
		String parentB = editor.post("/api/v1/organisations", "{\"name\": \"Universität Süd " + tag + "\"}")
			.text("$.id");
		for (String parent : List.of(parentA, parentB)) {
			editor.post("/api/v1/organisations",
					Http.toJson(Map.of("name", "Pressestelle " + tag, "parentId", parent)));
		}
		RealBrowser.signIn(browser, port, "test-editor", STAFF_PASSWORD);
		browser.get("http://127.0.0.1:" + port + "/people/" + personId);

		// two organisations have this name: the page asks which one
		browser.findElement(By.id("organisation")).sendKeys("pressestelle " + tag);
		browser.findElement(By.id("aff-title")).sendKeys("Spokesperson");
		RealBrowser.submit(browser, By.xpath("//button[text()='Add affiliation']"));
		assertThat(browser.findElement(By.id("organisation-error")).getText()).contains("several organisations");
		assertThat(browser.findElement(By.id("aff-title")).getAttribute("value")).as("kept").isEqualTo("Spokesperson");
		RealBrowser.screenshot(browser, "add-affiliation-choice");
		browser.findElement(By.xpath("//fieldset[@class='choices']//label[contains(., 'Süd')]/input")).click();
		RealBrowser.submit(browser, By.xpath("//button[text()='Add affiliation']"));
		JsonNode added = affiliationTitled("Spokesperson");
		assertThat(organisationName(added.get("organisationId").asString())).isEqualTo("Pressestelle " + tag);
		assertThat(viewer.get("/api/v1/organisations/" + added.get("organisationId").asString()).text("$.parentId"))
			.isEqualTo(parentB);

		// correcting the other one: a bad date is shown next to the field, then the fix
		// is saved
		browser.findElement(By.linkText("Edit Head of Press")).click();
		browser.findElement(By.id("department")).sendKeys("Presse & Kommunikation");
		setDate("startDate", "2021-03-01");
		setDate("endDate", "2020-01-31");
		RealBrowser.submit(browser, By.xpath("//button[text()='Save']"));
		assertThat(browser.findElement(By.id("endDate-error")).getText()).contains("must not be before the start date");
		assertThat(browser.findElement(By.id("endDate")).getAttribute("aria-invalid")).isEqualTo("true");
		RealBrowser.screenshot(browser, "affiliation-error");
		setDate("endDate", "");
		RealBrowser.submit(browser, By.xpath("//button[text()='Save']"));
		assertThat(browser.findElement(By.id("work-heading")).findElement(By.xpath("..")).getText())
			.contains("Head of Press", "(Presse & Kommunikation)");
		assertThat(affiliationTitled("Head of Press").get("startDate").asString()).isEqualTo("2021-03-01");

		// the one added by mistake goes, and with it the person's version moves on
		browser.findElement(By.linkText("Edit Spokesperson")).click();
		RealBrowser.submit(browser, By.xpath("//button[text()='Delete this affiliation']"));
		assertThat(browser.findElement(By.id("work-heading")).findElement(By.xpath("..")).getText())
			.contains("Head of Press")
			.doesNotContain("Spokesperson");
		assertThat(viewer.get("/api/v1/people/" + personId).json().get("affiliations").size()).isEqualTo(1);
	}

	@Test
	void anEditorSetsNameOrderReadingAndLawfulBasis() {
		RealBrowser.signIn(browser, port, "test-editor", STAFF_PASSWORD);
		browser.get("http://127.0.0.1:" + port + "/people/" + personId + "/edit");
		new Select(browser.findElement(By.id("nameOrder"))).selectByValue("FAMILY_FIRST");
		browser.findElement(By.id("phoneticFamilyName")).sendKeys("Wopes");
		new Select(browser.findElement(By.id("lawfulBasis"))).selectByValue("CONSENT");
		browser.findElement(By.id("source")).sendKeys("Asked at the " + tag + " briefing");
		RealBrowser.submit(browser, By.cssSelector("form.edit button[type=submit]"));

		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Łópez-" + tag + " Zoë");
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Reading: Wopes", "Consent",
				"Asked at the " + tag + " briefing");
		JsonNode saved = viewer.get("/api/v1/people/" + personId).json();
		assertThat(saved.get("lawfulBasis").asString()).isEqualTo("CONSENT");
		assertThat(saved.get("phoneticFamilyName").asString()).isEqualTo("Wopes");

		// an explicit display name wins over the parts; emptying it builds it from them
		// again
		browser.get("http://127.0.0.1:" + port + "/people/" + personId + "/edit");
		browser.findElement(By.id("displayName")).sendKeys("Zoë Ł.");
		RealBrowser.submit(browser, By.cssSelector("form.edit button[type=submit]"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Zoë Ł.");
		browser.get("http://127.0.0.1:" + port + "/people/" + personId + "/edit");
		browser.findElement(By.id("displayName")).clear();
		RealBrowser.submit(browser, By.cssSelector("form.edit button[type=submit]"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Łópez-" + tag + " Zoë");
	}

	@Test
	void anErrorStaysNextToItsRowWhenAnEarlierRowWasEmptied() {
		editor.patch("/api/v1/people/" + personId, Http.toJson(Map.of("emails", List
			.of(Map.of("value", "first-" + tag + "@example.org"), Map.of("value", "second-" + tag + "@example.org")))));
		RealBrowser.signIn(browser, port, "test-editor", STAFF_PASSWORD);
		browser.get("http://127.0.0.1:" + port + "/people/" + personId + "/edit");
		browser.findElement(By.id("emails0.value")).clear();
		WebElement second = browser.findElement(By.id("emails1.value"));
		second.clear();
		second.sendKeys("second-at-nowhere");
		RealBrowser.submit(browser, By.cssSelector("form.edit button[type=submit]"));

		WebElement marked = browser.findElement(By.cssSelector("input[aria-invalid=true]"));
		assertThat(marked.getAttribute("value")).isEqualTo("second-at-nowhere");
		String error = browser.findElement(By.id(marked.getAttribute("aria-describedby"))).getText();
		assertThat(error).isNotBlank();
		assertThat(browser.findElements(By.cssSelector("span.error"))
			.stream()
			.map(WebElement::getText)
			.filter(text -> !text.isBlank())).containsExactly(error);
	}

	@Test
	void theFiltersSuggestOrganisationsAndTopicsAndAnOrganisationIncludesItsDepartments() {
		String university = editor.post("/api/v1/organisations", "{\"name\": \"Università di Ostrava " + tag + "\"}")
			.text("$.id");
		String department = editor
			.post("/api/v1/organisations", Http.toJson(Map.of("name", "Ufficio stampa " + tag, "parentId", university)))
			.createdId();
		editor.post("/api/v1/people", Http.toJson(Map.of("givenName", "Zoë", "familyName", "Elsewhere-" + tag)));
		String inDepartment = editor
			.post("/api/v1/people", Http.toJson(Map.of("givenName", "Zoë", "familyName", "Stampa-" + tag)))
			.createdId();
		editor.post("/api/v1/people/" + inDepartment + "/affiliations",
				Http.toJson(Map.of("organisationId", department, "title", "Press officer")));
		RealBrowser.signIn(browser, port, "test-editor", STAFF_PASSWORD);

		WebElement filter = browser.findElement(By.id("organisation"));
		filter.sendKeys("universita di ostr");
		RealBrowser.waitUpTo(browser, 5)
			.until(driver -> !driver.findElements(By.cssSelector("#organisation-names option")).isEmpty());
		assertThat(browser.findElement(By.cssSelector("#organisation-names option")).getAttribute("value"))
			.isEqualTo("Università di Ostrava " + tag);
		filter.clear();
		filter.sendKeys("UNIVERSITA DI OSTRAVA " + tag, Keys.TAB);
		browser.findElement(By.id("q")).sendKeys("zoe");
		RealBrowser.waitUpTo(browser, 5).until(ExpectedConditions.urlContains("q=zoe"));
		RealBrowser.waitUpTo(browser, 5)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#results li.result a.name")));
		assertThat(browser.findElements(By.cssSelector("#results a.name")).stream().map(WebElement::getText))
			.as("the person in the department below, not the other Zoë")
			.containsExactly("Zoë Stampa-" + tag);

		filter.clear();
		filter.sendKeys("Università di Nowhere " + tag, Keys.TAB);
		assertThat(RealBrowser.waitUpTo(browser, 5)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#results .notice")))
			.getText()).contains("No organisation is called");

		// topics are matched whole, so the field suggests the ones people have
		filter.clear();
		filter.sendKeys(Keys.TAB);
		browser.findElement(By.id("topic")).sendKeys("CLIMATE CH");
		RealBrowser.waitUpTo(browser, 5)
			.until(driver -> driver.findElements(By.cssSelector("#topic-names option"))
				.stream()
				.anyMatch(option -> "climate change".equals(option.getAttribute("value"))));
	}

	@Test
	void anEditorMovesAnOrganisationInItsTreeButNotUnderItself() {
		String faculty = editor.post("/api/v1/organisations", "{\"name\": \"Fakultät " + tag + "\"}").text("$.id");
		String institute = editor
			.post("/api/v1/organisations", Http.toJson(Map.of("name", "Institut " + tag, "parentId", faculty)))
			.createdId();
		RealBrowser.signIn(browser, port, "test-editor", STAFF_PASSWORD);

		browser.get("http://127.0.0.1:" + port + "/organisations/" + faculty + "/edit");
		browser.findElement(By.id("parent")).sendKeys("institut " + tag);
		RealBrowser.submit(browser, By.xpath("//button[text()='Save']"));
		assertThat(browser.findElement(By.id("parent-error")).getText()).contains("cannot be placed under itself");
		assertThat(viewer.get("/api/v1/organisations/" + faculty).json().get("parentId").isNull()).isTrue();

		browser.get("http://127.0.0.1:" + port + "/organisations/" + institute + "/edit");
		assertThat(browser.findElement(By.id("parent")).getAttribute("value")).isEqualTo("Fakultät " + tag);
		browser.findElement(By.id("parent")).clear();
		RealBrowser.submit(browser, By.xpath("//button[text()='Save']"));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Saved.");
		assertThat(viewer.get("/api/v1/organisations/" + institute).json().get("parentId").isNull())
			.as("at the top of its own tree now")
			.isTrue();

		browser.get("http://127.0.0.1:" + port + "/organisations/" + institute + "/edit");
		browser.findElement(By.id("parent")).sendKeys("FAKULTAT " + tag);
		RealBrowser.submit(browser, By.xpath("//button[text()='Save']"));
		assertThat(viewer.get("/api/v1/organisations/" + institute).text("$.parentId")).isEqualTo(faculty);
		assertThat(browser.findElement(By.cssSelector("nav[aria-label='Organisation tree']")).getText())
			.contains("Fakultät " + tag);
	}

	@Test
	void anEditorDeletesAPersonOnAPublishedArticleAfterSeeingWhichArticles() {
		String articleId = editor
			.post("/api/v1/articles", Http.toJson(Map.of("title", "Erasure day " + tag, "status", "PUBLISHED")))
			.createdId();
		editor.send("PUT", "/api/v1/articles/" + articleId + "/contacts", "application/json",
				"[{\"personId\": \"" + personId + "\", \"role\": \"PRESS_CONTACT\"}]");
		RealBrowser.signIn(browser, port, "test-editor", STAFF_PASSWORD);
		browser.get("http://127.0.0.1:" + port + "/people/" + personId);
		assertThat(browser.findElement(By.linkText("Erasure day " + tag)).getAttribute("href"))
			.endsWith("/articles/" + articleId);
		browser.get("http://127.0.0.1:" + port + "/people/" + personId + "/edit");
		browser.findElement(By.linkText("delete Zoë Łópez-" + tag)).click();

		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Delete Zoë Łópez-" + tag + "?");
		assertThat(browser.findElement(By.id("published-heading")).findElement(By.xpath("..")).getText())
			.contains("Erasure day " + tag);
		assertThat(viewer.get("/api/v1/people/" + personId).status()).as("only asked so far").isEqualTo(200);
		RealBrowser.submit(browser, By.xpath("//button[text()='Delete and take them off these articles']"));

		assertThat(browser.findElement(By.cssSelector(".notice.ok")).getText())
			.isEqualTo("Deleted Zoë Łópez-" + tag + ".");
		assertThat(viewer.get("/api/v1/people/" + personId).status()).isEqualTo(404);
		assertThat(viewer.get("/api/v1/articles/" + articleId).json().get("contacts").size()).isZero();
	}

	@Test
	void whatPeopleTypedIsShownAsTextNeverRunAsMarkup() {
		String family = "<img src=x onerror=\"window.ran=1\">" + tag;
		String id = editor
			.post("/api/v1/people", Http.toJson(Map.of("givenName", "<b>Bold</b>", "familyName", family, "notes",
					"<script>window.ran=1</script>", "topics", List.of("<i>topic</i>"))))
			.createdId();
		RealBrowser.signIn(browser, port, "test-editor", STAFF_PASSWORD);
		browser.get("http://127.0.0.1:" + port + "/?q=" + tag);
		assertThat(RealBrowser.waitUpTo(browser, 5)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#results li.result a.name")))
			.getText()).isEqualTo("<b>Bold</b> " + family);
		assertThat(((JavascriptExecutor) browser).executeScript("return window.ran === undefined")).isEqualTo(true);
		browser.get("http://127.0.0.1:" + port + "/people/" + id);
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("<b>Bold</b> " + family);
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("<script>window.ran=1</script>",
				"<i>topic</i>");
		assertThat(browser.findElements(By.cssSelector("main b, main img, main i"))).isEmpty();
		assertThat(((JavascriptExecutor) browser).executeScript("return window.ran === undefined")).isEqualTo(true);
	}

	private JsonNode affiliationTitled(String title) {
		return viewer.get("/api/v1/people/" + personId)
			.json()
			.get("affiliations")
			.valueStream()
			.filter(a -> title.equals(a.get("title").asString()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no affiliation titled " + title));
	}

	private String organisationName(String id) {
		return viewer.get("/api/v1/organisations/" + id).text("$.name");
	}

	/**
	 * Sets a date field's value: what Chromium's date field expects to be typed depends
	 * on its locale.
	 */
	private void setDate(String id, String isoDate) {
		((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).value = arguments[1]", id,
				isoDate);
	}

	@Test
	void anEditorImportsAFileAfterReadingTheDryRun() throws IOException {
		String family = "Imported-" + tag;
		Path file = downloads.resolve("contacts.vcf");
		Files.writeString(file,
				"BEGIN:VCARD\r\nVERSION:3.0\r\nN:" + family + ";Ana;;;\r\nFN:Ana " + family + "\r\nEMAIL;TYPE=work:ana."
						+ tag + "@example.org\r\nTEL;TYPE=cell:+44 7700 900555\r\nEND:VCARD\r\n",
				StandardCharsets.UTF_8);
		RealBrowser.signIn(browser, port, "test-editor", STAFF_PASSWORD);
		browser.findElement(By.linkText("Import")).click();
		browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
		RealBrowser.submit(browser, By.cssSelector("form.upload button[type=submit]"));

		assertThat(browser.findElement(By.id("report-heading")).getText()).isEqualTo("What the import would do");
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("1 new, 0 updated")
			.as("the dry run names whom it would add")
			.contains("Ana " + family + " new person");
		RealBrowser.screenshot(browser, "import-dry-run");
		assertThat(viewer.get("/api/v1/people?q=" + family).json().get("items").size()).as("a dry run changes nothing")
			.isZero();

		RealBrowser.submit(browser, By.xpath("//button[text()='Import these contacts']"));
		assertThat(browser.findElement(By.id("report-heading")).getText()).isEqualTo("Imported");
		assertThat(viewer.get("/api/v1/people?q=" + family).json().get("items").size()).isEqualTo(1);
	}

	@Test
	void anEditorBuildsAnArticlesContactBlockAndPublishesIt() {
		editor.post("/api/v1/people", Http.toJson(Map.of("givenName", "Bo", "familyName", "Spokes-" + tag, "phones",
				List.of(Map.of("value", "020 7946 0999", "visibility", "PUBLIC")))));
		RealBrowser.signIn(browser, port, "test-editor", STAFF_PASSWORD);
		browser.findElement(By.linkText("Articles")).click();
		browser.findElement(By.id("title")).sendKeys("Ångström day " + tag);
		RealBrowser.submit(browser, By.xpath("//button[text()='Create']"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Ångström day " + tag);

		for (String name : List.of("lopez-" + tag.toLowerCase(), "spokes-" + tag.toLowerCase())) {
			WebElement find = browser.findElement(By.id("find"));
			find.clear();
			find.sendKeys(name);
			RealBrowser.submit(browser, By.xpath("//button[text()='Find']"));
			RealBrowser.submit(browser, By.cssSelector("ul.found button"));
		}
		// Bo first, as a spokesperson
		browser.findElement(By.id("position0")).clear();
		browser.findElement(By.id("position0")).sendKeys("2");
		browser.findElement(By.id("position1")).clear();
		browser.findElement(By.id("position1")).sendKeys("1");
		new Select(browser.findElement(By.id("role1"))).selectByValue("SPOKESPERSON");
		RealBrowser.submit(browser, By.xpath("//button[text()='Save the contact block']"));
		assertThat(browser.findElements(By.cssSelector("form.block tbody td:nth-child(2) a"))
			.stream()
			.map(WebElement::getText)).containsExactly("Bo Spokes-" + tag, "Zoë Łópez-" + tag);
		assertThat(browser.findElement(By.cssSelector(".preview")).getText())
			.contains("Bo Spokes-" + tag, "+44 20 7946 0999", "Zoë Łópez-" + tag, "Head of Press",
					tag + "@press.example.org")
			.doesNotContain("765432");
		RealBrowser.screenshot(browser, "article");

		new Select(browser.findElement(By.id("status"))).selectByValue("PUBLISHED");
		RealBrowser.submit(browser, By.xpath("//button[text()='Save the article']"));
		browser.findElement(By.linkText("Public page")).click();
		assertThat(browser.findElement(By.tagName("main")).getText())
			.contains("For further information please contact", "Bo Spokes-" + tag, "Zoë Łópez-" + tag)
			.doesNotContain("765432");
		RealBrowser.screenshot(browser, "press-page");
	}

	@Test
	void anAdminCreatesAnApiClientSeesItsKeyOnceAndReadsTheAuditTrail() {
		RealBrowser.signIn(browser, port, "admin", ADMIN_PASSWORD);
		browser.findElement(By.linkText("API clients")).click();
		String name = "CMS " + tag;
		browser.findElement(By.id("name")).sendKeys(name);
		browser.findElement(By.cssSelector("input[name=scope][value='articles:read']")).click();
		RealBrowser.submit(browser, By.xpath("//button[text()='Create and show the key']"));
		String key = browser.findElement(By.id("issued-key")).getText();
		assertThat(key).startsWith("pd_");
		RealBrowser.screenshot(browser, "api-clients");
		assertThat(new Http(anonymous.base(), "Bearer " + key).get("/api/v1/articles?limit=1").status()).isEqualTo(200);

		browser.get("http://127.0.0.1:" + port + "/admin/api-clients");
		assertThat(browser.getPageSource()).as("never shown again").doesNotContain(key);

		browser.findElement(By.linkText("Audit")).click();
		assertThat(browser.findElement(By.tagName("tbody")).getText()).contains("admin", "Created", "api-client CMS");
		RealBrowser.screenshot(browser, "audit");
		browser.findElement(By.linkText("Users")).click();
		assertThat(browser.findElement(By.tagName("tbody")).getText()).contains("test-viewer", "test-editor");
		RealBrowser.screenshot(browser, "users");
	}

	@Test
	void aViewerReadsAnArticleAndItsWholeContactBlockWithoutForms() {
		String articleId = editor
			.post("/api/v1/articles", Http.toJson(Map.of("title", "Read-only day " + tag, "summary",
					"What a viewer reads.", "topics", List.of("optics"))))
			.createdId();
		editor.send("PUT", "/api/v1/articles/" + articleId + "/contacts", "application/json",
				"[{\"personId\": \"" + personId + "\", \"role\": \"QUOTED\"}]");
		RealBrowser.signIn(browser, port, "test-viewer", STAFF_PASSWORD);
		browser.get("http://127.0.0.1:" + port + "/articles/" + articleId);
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("What a viewer reads.", "optics",
				"Zoë Łópez-" + tag, "Quoted", "Head of Press");
		assertThat(browser.findElements(By.cssSelector("main form"))).isEmpty();
		assertThat(browser.findElement(By.cssSelector(".preview")).getText()).as("someone quoted is not a contact")
			.contains("No one")
			.doesNotContain("Łópez");
	}

	@Test
	void aViewerHasNoAdminOrImportPages() {
		RealBrowser.signIn(browser, port, "test-viewer", STAFF_PASSWORD);
		assertThat(browser.findElements(By.linkText("Users"))).isEmpty();
		assertThat(browser.findElements(By.linkText("Import"))).isEmpty();
		browser.get("http://127.0.0.1:" + port + "/admin/audit");
		assertThat(browser.getTitle()).contains("Not allowed");
		browser.get("http://127.0.0.1:" + port + "/imports");
		assertThat(browser.getTitle()).contains("Not allowed");
	}

	@Test
	void anEditorReviewsAPossibleDuplicateAndDismissesIt() {
		String other = editor.post("/api/v1/people", Http.toJson(Map.of("givenName", "Zoe", "familyName",
				"Other-" + tag, "emails", List.of(Map.of("value", tag.toUpperCase() + "@Press.Example.org")))))
			.createdId();
		RealBrowser.signIn(browser, port, "test-editor", STAFF_PASSWORD);
		browser.findElement(By.linkText("Duplicates")).click();
		WebElement pair = sectionContaining("Other-" + tag, "the pair is not in the queue");
		assertThat(pair.getText()).contains("Zoë Łópez-" + tag, "the same email, " + tag + "@press.example.org");
		assertThat(pair.findElements(By.tagName("mark"))).extracting(WebElement::getText)
			.as("what they share, marked on both sides")
			.containsExactlyInAnyOrder(tag + "@press.example.org", tag.toUpperCase() + "@Press.Example.org");
		RealBrowser.screenshot(browser, "duplicates");

		pair.findElement(By.cssSelector("button[type=submit]")).click();
		assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).startsWith("Dismissed");
		assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("Other-" + tag);
		assertThat(viewer.get("/api/v1/duplicates?person=" + other).<List<Object>>at("$.items")).isEmpty();
	}

	@Test
	void anAdminSeesAFailingWebhookDeliveryAndRetriesIt() throws InterruptedException {
		// nobody listens on the discard port: the delivery fails and waits for its next
		// attempt
		String hook = admin.post("/api/v1/webhooks", "{\"url\": \"http://127.0.0.1:9/hook-" + tag + "\"}").createdId();
		admin.post("/api/v1/webhooks/" + hook + "/test", "");
		for (int i = 0; i < 100
				&& admin.get("/api/v1/webhooks/" + hook + "/deliveries").number("$.items[0].attempts") < 1; i++) {
			Thread.sleep(100);
		}
		RealBrowser.signIn(browser, port, "admin", ADMIN_PASSWORD);
		browser.findElement(By.linkText("Webhooks")).click();
		WebElement endpoint = sectionContaining("hook-" + tag, "the endpoint is not listed");
		assertThat(endpoint.getText()).contains("webhook.test", "pending, next", "ConnectException");
		RealBrowser.screenshot(browser, "webhooks");
		RealBrowser.submit(browser, By.cssSelector("section.pair:last-of-type button[type=submit]"));
		assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).startsWith("Queued");
	}

	@Test
	void anEditorMergesAPairFromTheQueueChoosingFieldsAndUndoesIt() {
		String other = editor
			.post("/api/v1/people",
					Http.toJson(
							Map.of("givenName", "Zoe", "familyName", "Merged-" + tag, "pronouns", "she/her", "emails",
									List.of(Map.of("value", tag + "@press.example.org"),
											Map.of("value", tag + "@home.example.org")))))
			.createdId();
		String keptBefore = editor.get("/api/v1/people/" + personId).body();
		RealBrowser.signIn(browser, port, "test-editor", STAFF_PASSWORD);
		browser.findElement(By.linkText("Duplicates")).click();
		WebElement pair = sectionContaining("Merged-" + tag, "the pair is not in the queue");
		pair.findElement(By.linkText("Compare and merge")).click();

		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Zoë Łópez-" + tag, "Zoe Merged-" + tag);
		browser.findElement(By.cssSelector("input[name=keep][value='" + personId + "']")).click();
		// the other's name; emails of both (the default)
		browser.findElement(By.cssSelector("input[name='take.name'][value='" + other + "']")).click();
		assertThat(browser.findElement(By.cssSelector("input[name='take.emails'][value=BOTH]")).isSelected()).isTrue();
		RealBrowser.screenshot(browser, "merge");
		RealBrowser.submit(browser, By.cssSelector("main form button[type=submit]"));

		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Merged");
		assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
			.contains("Now one person: Zoe Merged-" + tag);
		JsonNode merged = viewer.get("/api/v1/people/" + personId).json();
		assertThat(merged.get("displayName").asString()).isEqualTo("Zoe Merged-" + tag);
		assertThat(merged.get("pronouns").asString()).as("the kept person had none").isEqualTo("she/her");
		assertThat(merged.get("emails")).hasSize(2);
		assertThat(merged.get("phones")).hasSize(1);
		assertThat(viewer.get("/api/v1/people/" + other).status()).isEqualTo(308);
		browser.get("http://127.0.0.1:" + port + "/people/" + other);
		assertThat(browser.getCurrentUrl()).as("the old page leads to the kept person").endsWith("/people/" + personId);
		browser.navigate().back();

		RealBrowser.submit(browser, By.cssSelector("main form button[type=submit]"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Merge undone");
		assertThat(viewer.get("/api/v1/people/" + personId).body()).isEqualTo(keptBefore);
		assertThat(viewer.get("/api/v1/people/" + other).status()).isEqualTo(200);
	}

	/** The section of the page (a pair, an endpoint) whose text has this in it. */
	private WebElement sectionContaining(String text, String otherwise) {
		return browser.findElements(By.cssSelector("section.pair"))
			.stream()
			.filter(section -> section.getText().contains(text))
			.findFirst()
			.orElseThrow(() -> new AssertionError(otherwise));
	}

	/**
	 * Reads a QR code as the browser shows it, from a screenshot of the element: a few
	 * tries, as a phone's camera would make, since the first screenshot can come before
	 * the opened details are painted (seen once in a run of the whole suite), and one
	 * half painted may be found but not read.
	 */
	private static String decodeQr(WebElement code) throws Exception {
		for (int attempt = 1;; attempt++) {
			// wholly in the window, as a phone's camera needs the whole code (a section
			// above it can push its lower part out of the window)
			((JavascriptExecutor) ((WrapsDriver) code).getWrappedDriver())
				.executeScript("arguments[0].scrollIntoView({block: 'center'})", code);
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(code.getScreenshotAs(OutputType.BYTES)));
			int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
			var bitmap = new BinaryBitmap(
					new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
			try {
				return new QRCodeReader()
					.decode(bitmap,
							Map.of(DecodeHintType.CHARACTER_SET, "UTF-8", DecodeHintType.TRY_HARDER, Boolean.TRUE))
					.getText();
			}
			catch (ReaderException notYet) {
				if (attempt == 10) {
					throw notYet;
				}
				Thread.sleep(200);
			}
		}
	}

	private Path waitForDownload() throws Exception {
		for (int i = 0; i < 50; i++) {
			try (var files = Files.list(downloads)) {
				var done = files.filter(f -> f.toString().endsWith(".vcf")).findFirst();
				if (done.isPresent()) {
					return done.get();
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("no vCard was downloaded into " + downloads);
	}

}

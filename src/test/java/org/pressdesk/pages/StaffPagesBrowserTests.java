package org.pressdesk.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.pressdesk.ApiTestSupport;
import org.pressdesk.Http;

/** The staff pages in Debian's Chromium: what a press officer does all day. */
class StaffPagesBrowserTests extends ApiTestSupport {

	private WebDriver browser;

	private Path downloads;

	private String tag;

	private String personId;

	@BeforeEach
	void personAndBrowser() throws IOException {
		tag = unique("b");
		String org = editor.post("/api/v1/organisations", "{\"name\": \"Institut für Ångström-Studien " + tag + "\"}")
			.json().get("id").asString();
		personId = editor.post("/api/v1/people", Http.toJson(Map.of("givenName", "Zoë", "familyName", "Łópez-" + tag,
				"emails", List.of(Map.of("value", tag + "@press.example.org", "visibility", "PUBLIC")),
				"phones", List.of(Map.of("value", "01223 765432")), "topics", List.of("climate change"))))
			.json().get("id").asString();
		editor.post("/api/v1/people/" + personId + "/affiliations",
				Http.toJson(Map.of("organisationId", org, "title", "Head of Press", "primary", true)));
		downloads = Files.createTempDirectory("pressdesk-downloads");
		browser = RealBrowser.start(downloads);
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void anEditorFindsAnAccentedNameWithoutAccentsOpensItEditsAPhoneAndDownloadsTheCard() throws Exception {
		RealBrowser.signIn(browser, port, "test-editor", STAFF_PASSWORD);
		assertThat(browser.findElement(By.id("q")).getAttribute("placeholder")).contains("Name");

		browser.findElement(By.id("q")).sendKeys("zoe lopez-" + tag.toLowerCase());
		// the list of the whole query, not of a prefix typed on the way (the page puts it in the address)
		RealBrowser.waitUpTo(browser, 5).until(ExpectedConditions.urlContains("q=zoe+lopez-" + tag.toLowerCase()));
		WebElement result = RealBrowser.waitUpTo(browser, 5)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#results li.result a.name")));
		assertThat(result.getText()).isEqualTo("Zoë Łópez-" + tag);
		assertThat(browser.findElement(By.cssSelector("#results li.result .work")).getText())
			.isEqualTo("Head of Press, Institut für Ångström-Studien " + tag);
		RealBrowser.screenshot(browser, "search");

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
		submit(By.cssSelector("form.edit button[type=submit]"));
		assertThat(browser.findElement(By.id("website-error")).getText()).contains("web address");
		browser.findElement(By.id("website")).clear();
		browser.findElement(By.id("website")).sendKeys("angstrom.example.org");
		browser.findElement(By.id("country")).sendKeys("se");
		submit(By.cssSelector("form.edit button[type=submit]"));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Saved.", "SE", "Website");
		browser.get("http://127.0.0.1:" + port + "/people/" + personId);

		browser.findElement(By.linkText("Edit")).click();
		WebElement phone = browser.findElement(By.id("phones0.value"));
		phone.clear();
		phone.sendKeys("not a phone");
		submit(By.cssSelector("form.edit button[type=submit]"));
		assertThat(browser.findElement(By.id("phones0-error")).getText()).contains("not a possible phone number");
		assertThat(browser.findElement(By.id("phones0.value")).getAttribute("aria-invalid")).isEqualTo("true");
		RealBrowser.screenshot(browser, "edit-person-error");

		phone = browser.findElement(By.id("phones0.value"));
		phone.clear();
		phone.sendKeys("+44 (0)1223 123456");
		submit(By.cssSelector("form.edit button[type=submit]"));
		RealBrowser.waitUpTo(browser, 5).until(ExpectedConditions.urlContains("saved"));
		assertThat(browser.findElement(By.cssSelector("main")).getText()).as("normalised").contains("+44 1223 123456")
			.doesNotContain("(0)");

		browser.findElement(By.linkText("vCard 3.0")).click();
		Path card = waitForDownload();
		String text = Files.readString(card, StandardCharsets.UTF_8);
		assertThat(text).contains("FN:Zoë Łópez-" + tag, "TEL;TYPE=work,voice,pref:+44 1223 123456", "TITLE:Head of Press");
	}

	@Test
	void anEditorAddsAndEndsAffiliationsOnThePersonsPage() {
		RealBrowser.signIn(browser, port, "test-editor", STAFF_PASSWORD);
		browser.get("http://127.0.0.1:" + port + "/people/" + personId);
		browser.findElement(By.id("organisation")).sendKeys("No such organisation " + tag);
		submit(By.xpath("//button[text()='Add affiliation']"));
		assertThat(browser.findElement(By.id("organisation-error")).getText()).contains("no organisation has this name");

		browser.findElement(By.id("organisation")).sendKeys("institut fur angstrom-studien " + tag.toUpperCase());
		browser.findElement(By.id("aff-title")).sendKeys("Visiting Fellow");
		submit(By.xpath("//button[text()='Add affiliation']"));
		assertThat(browser.findElement(By.id("work-heading")).findElement(By.xpath("..")).getText())
			.contains("Head of Press", "Visiting Fellow");

		submit(By.xpath("//button[text()='End Visiting Fellow today']"));
		assertThat(viewer.get("/api/v1/people/" + personId).json().get("affiliations").valueStream()
			.filter(a -> a.get("title").asString().equals("Visiting Fellow"))
			.findFirst().orElseThrow().get("endDate").isNull()).as("ended, kept as history").isFalse();
	}

	@Test
	void aConcurrentEditIsShownNotOverwritten() {
		RealBrowser.signIn(browser, port, "test-editor", STAFF_PASSWORD);
		browser.get("http://127.0.0.1:" + port + "/people/" + personId + "/edit");
		editor.patch("/api/v1/people/" + personId, "{\"pronouns\": \"she/her\"}");
		WebElement given = browser.findElement(By.id("givenName"));
		given.clear();
		given.sendKeys("Zoe");
		submit(By.cssSelector("form.edit button[type=submit]"));
		assertThat(browser.findElement(By.cssSelector(".notice[role=alert]")).getText()).contains("Someone else saved");
		assertThat(viewer.get("/api/v1/people/" + personId).json().get("givenName").asString()).isEqualTo("Zoë");
	}

	@Test
	void aViewerSeesNoEditButtonAndCannotPostAnEdit() {
		RealBrowser.signIn(browser, port, "test-viewer", STAFF_PASSWORD);
		browser.get("http://127.0.0.1:" + port + "/people/" + personId);
		assertThat(browser.findElements(By.linkText("Edit"))).isEmpty();
		browser.get("http://127.0.0.1:" + port + "/people/" + personId + "/edit");
		// the form may be looked at, but its post is refused by the filter chain
		submit(By.cssSelector("form.edit button[type=submit]"));
		RealBrowser.waitUpTo(browser, 5).until(ExpectedConditions.titleContains("Not allowed"));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Your role does not allow this");
		assertThat(viewer.get("/api/v1/people/" + personId).json().get("version").asInt()).isEqualTo(2);
	}

	@Test
	void anEditorImportsAFileAfterReadingTheDryRun() throws IOException {
		String family = "Imported-" + tag;
		Path file = downloads.resolve("contacts.vcf");
		Files.writeString(file, "BEGIN:VCARD\r\nVERSION:3.0\r\nN:" + family + ";Ana;;;\r\nFN:Ana " + family
				+ "\r\nEMAIL;TYPE=work:ana." + tag + "@example.org\r\nTEL;TYPE=cell:+44 7700 900555\r\nEND:VCARD\r\n",
				StandardCharsets.UTF_8);
		RealBrowser.signIn(browser, port, "test-editor", STAFF_PASSWORD);
		browser.findElement(By.linkText("Import")).click();
		browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
		submit(By.cssSelector("form.upload button[type=submit]"));

		assertThat(browser.findElement(By.id("report-heading")).getText()).isEqualTo("What the import would do");
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("1 new, 0 updated");
		RealBrowser.screenshot(browser, "import-dry-run");
		assertThat(viewer.get("/api/v1/people?q=" + family).json().get("items").size()).as("a dry run changes nothing")
			.isZero();

		submit(By.xpath("//button[text()='Import these contacts']"));
		assertThat(browser.findElement(By.id("report-heading")).getText()).isEqualTo("Imported");
		assertThat(viewer.get("/api/v1/people?q=" + family).json().get("items").size()).isEqualTo(1);
	}

	@Test
	void anEditorBuildsAnArticlesContactBlockAndPublishesIt() {
		editor.post("/api/v1/people", Http.toJson(Map.of("givenName", "Bo", "familyName", "Spokes-" + tag,
				"phones", List.of(Map.of("value", "020 7946 0999", "visibility", "PUBLIC")))));
		RealBrowser.signIn(browser, port, "test-editor", STAFF_PASSWORD);
		browser.findElement(By.linkText("Articles")).click();
		browser.findElement(By.id("title")).sendKeys("Ångström day " + tag);
		submit(By.xpath("//button[text()='Create']"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Ångström day " + tag);

		for (String name : List.of("lopez-" + tag.toLowerCase(), "spokes-" + tag.toLowerCase())) {
			WebElement find = browser.findElement(By.id("find"));
			find.clear();
			find.sendKeys(name);
			submit(By.xpath("//button[text()='Find']"));
			submit(By.cssSelector("ul.found button"));
		}
		// Bo first, as a spokesperson
		browser.findElement(By.id("position0")).clear();
		browser.findElement(By.id("position0")).sendKeys("2");
		browser.findElement(By.id("position1")).clear();
		browser.findElement(By.id("position1")).sendKeys("1");
		new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("role1"))).selectByValue("SPOKESPERSON");
		submit(By.xpath("//button[text()='Save the contact block']"));
		assertThat(browser.findElements(By.cssSelector("form.block tbody td:nth-child(2) a")).stream()
			.map(WebElement::getText)).containsExactly("Bo Spokes-" + tag, "Zoë Łópez-" + tag);
		assertThat(browser.findElement(By.cssSelector(".preview")).getText()).contains("Bo Spokes-" + tag,
				"+44 20 7946 0999", "Zoë Łópez-" + tag, "Head of Press", tag + "@press.example.org")
			.doesNotContain("765432");
		RealBrowser.screenshot(browser, "article");

		new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("status"))).selectByValue("PUBLISHED");
		submit(By.xpath("//button[text()='Save the article']"));
		browser.findElement(By.linkText("Public page")).click();
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("For further information please contact",
				"Bo Spokes-" + tag, "Zoë Łópez-" + tag).doesNotContain("765432");
		RealBrowser.screenshot(browser, "press-page");
	}

	@Test
	void anAdminCreatesAnApiClientSeesItsKeyOnceAndReadsTheAuditTrail() {
		RealBrowser.signIn(browser, port, "admin", ADMIN_PASSWORD);
		browser.findElement(By.linkText("API clients")).click();
		String name = "CMS " + tag;
		browser.findElement(By.id("name")).sendKeys(name);
		browser.findElement(By.cssSelector("input[name=scope][value='articles:read']")).click();
		submit(By.xpath("//button[text()='Create and show the key']"));
		String key = browser.findElement(By.id("issued-key")).getText();
		assertThat(key).startsWith("pd_");
		RealBrowser.screenshot(browser, "api-clients");
		assertThat(new Http(anonymous.base(), "Bearer " + key).get("/api/v1/articles?limit=1").status()).isEqualTo(200);

		browser.get("http://127.0.0.1:" + port + "/admin/api-clients");
		assertThat(browser.getPageSource()).as("never shown again").doesNotContain(key);

		browser.findElement(By.linkText("Audit")).click();
		assertThat(browser.findElement(By.tagName("tbody")).getText()).contains("admin", "CREATED", "api-client");
		RealBrowser.screenshot(browser, "audit");
		browser.findElement(By.linkText("Users")).click();
		assertThat(browser.findElement(By.tagName("tbody")).getText()).contains("test-viewer", "test-editor");
		RealBrowser.screenshot(browser, "users");
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

	/** Reads a QR code as the browser shows it, from a screenshot of the element. */
	private static String decodeQr(WebElement code) throws Exception {
		java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(
				new java.io.ByteArrayInputStream(code.getScreenshotAs(org.openqa.selenium.OutputType.BYTES)));
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		var bitmap = new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
				new com.google.zxing.RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
		return new com.google.zxing.qrcode.QRCodeReader()
			.decode(bitmap, Map.of(com.google.zxing.DecodeHintType.CHARACTER_SET, "UTF-8"))
			.getText();
	}

	/** Clicks a button that submits a form, and waits for the next page. */
	private void submit(By button) {
		WebElement page = browser.findElement(By.tagName("html"));
		browser.findElement(button).click();
		RealBrowser.waitUpTo(browser, 5).until(driver -> {
			try {
				page.isEnabled();
				return false;
			}
			catch (WebDriverException gone) {
				// stale, or (Chromium's way of saying the same) a node no longer in the document
				return true;
			}
		});
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

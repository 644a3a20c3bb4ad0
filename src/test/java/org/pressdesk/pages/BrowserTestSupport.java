package org.pressdesk.pages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;

import org.pressdesk.ApiTestSupport;

/**
 * The service over HTTP, and one Chromium for the whole test class (starting one takes
 * seconds), made like new before each test: signed out, at the desktop size, its
 * downloads folder empty.
 */
abstract class BrowserTestSupport extends ApiTestSupport {

	protected static WebDriver browser;

	protected static Path downloads;

	@BeforeAll
	static void startBrowser() throws IOException {
		downloads = Files.createTempDirectory("pressdesk-downloads");
		browser = RealBrowser.start(downloads);
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.quit();
			browser = null;
		}
	}

	@BeforeEach
	void resetBrowser() throws IOException {
		RealBrowser.reset(browser, port, downloads);
	}

}

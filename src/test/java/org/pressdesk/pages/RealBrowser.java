package org.pressdesk.pages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by its chromedriver. Without them the browser tests
 * skip themselves, except in CI ({@code CI=true}), where .ci/run installs them and they
 * must run.
 */
final class RealBrowser {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	/** Where screenshots of the main pages go, for a person to look at. */
	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private RealBrowser() {
	}

	static WebDriver start(Path downloads) {
		boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
		if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException(
					"CI=true but chromium/chromium-driver are not installed (.ci/run installs them)");
		}
		Assumptions.assumeTrue(present, "chromium and chromium-driver are not installed: browser tests skipped");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
				"--lang=en-GB");
		options.setExperimentalOption("prefs", Map.of("download.default_directory",
				downloads.toAbsolutePath().toString(), "download.prompt_for_download", false));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(3));
		return driver;
	}

	/**
	 * The browser as a new one would be for the next test: signed out (its cookies for
	 * the service gone), at the desktop size, its downloads folder empty. One Chromium
	 * serves a whole test class: starting one takes seconds.
	 */
	static void reset(WebDriver driver, int port, Path downloads) throws IOException {
		driver.get("http://127.0.0.1:" + port + "/login");
		driver.manage().deleteAllCookies();
		driver.manage().window().setSize(new Dimension(1280, 900));
		try (var files = Files.list(downloads)) {
			for (Path file : files.toList()) {
				Files.deleteIfExists(file);
			}
		}
	}

	static WebDriverWait waitUpTo(WebDriver driver, int seconds) {
		return new WebDriverWait(driver, Duration.ofSeconds(seconds));
	}

	static void signIn(WebDriver driver, int port, String username, String password) {
		driver.get("http://127.0.0.1:" + port + "/login");
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.cssSelector("button[type=submit]")).click();
		waitUpTo(driver, 5).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	/**
	 * The whole page, not only what fits the window: the window grows to the page for the
	 * shot.
	 */
	static void screenshot(WebDriver driver, String name) {
		Dimension window = driver.manage().window().getSize();
		long height = (Long) ((JavascriptExecutor) driver)
			.executeScript("return document.documentElement.scrollHeight");
		try {
			driver.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.min(height + 140, 6000)));
			Files.createDirectories(SCREENSHOTS);
			Files.write(SCREENSHOTS.resolve(name + ".png"),
					((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			driver.manage().window().setSize(window);
		}
	}

	/** Clicks a button that submits a form, and waits for the next page. */
	static void submit(WebDriver browser, By button) {
		WebElement page = browser.findElement(By.tagName("html"));
		browser.findElement(button).click();
		waitUpTo(browser, 5).until(driver -> {
			try {
				page.isEnabled();
				return false;
			}
			catch (WebDriverException gone) {
				// stale, or (Chromium's way of saying the same) a node no longer in the
				// document
				return true;
			}
		});
	}

}

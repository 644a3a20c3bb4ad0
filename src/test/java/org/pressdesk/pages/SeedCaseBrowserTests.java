package org.pressdesk.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A press officer's day through the pages alone, with no API call: the seed's three
 * organisations as a chain and a unit beside it, its three people (one family-first with
 * the reading of the name) with their affiliations, and an article published with its
 * date and contact block, read on its public page.
 */
class SeedCaseBrowserTests extends BrowserTestSupport {

	@Test
	void aPressOfficerBuildsTheSeedsCaseAndPublishesItFromThePages() {
		String tag = unique("day");
		RealBrowser.signIn(browser, port, "test-editor", STAFF_PASSWORD);

		browser.findElement(By.linkText("Organisations")).click();
		type("name", "University of Cambridge " + tag);
		RealBrowser.submit(browser, By.xpath("//form[.//input[@id='name']]//button"));
		String university = browser.getCurrentUrl();
		createBelow("Institute for Manufacturing " + tag);
		createBelow("Cambridge Industrial Innovation Policy " + tag);
		assertThat(browser.findElement(By.cssSelector("nav[aria-label='Organisation tree']")).getText())
			.contains("University of Cambridge " + tag + " › Institute for Manufacturing " + tag);
		browser.get(university);
		createBelow("Babbage Policy Forum " + tag);

		addPerson(Map.of("honorificPrefix", "Dr", "givenName", "Carlos", "familyName", "López-Gómez " + tag,
				"emails0.value", "carlos." + tag + "@ifm.example.ac.uk", "phones0.value", "+44 1223 764657",
				"linkedinUrl", "https://www.linkedin.com/in/carlos-" + tag, "organisation",
				"Cambridge Industrial Innovation Policy " + tag, "title", "Head of Policy Links"));
		addPerson(Map.of("honorificPrefix", "Professor Sir", "givenName", "Mike", "familyName", "Gregory " + tag,
				"emails0.value", "mike." + tag + "@ifm.example.ac.uk", "organisation", "Babbage Policy Forum " + tag,
				"title", "Chair"));
		browser.findElement(By.linkText("Add a person")).click();
		new Select(browser.findElement(By.id("nameOrder"))).selectByValue("FAMILY_FIRST");
		addPerson(Map.of("givenName", "隆大", "familyName", "上山", "phoneticGivenName", "たかひろ", "phoneticFamilyName",
				"うえやま", "emails0.value", "ueyama." + tag + "@example.go.jp", "organisation",
				"Institute for Manufacturing " + tag, "title", "Visiting Fellow " + tag));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("上山 隆大");
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Reading: うえやま たかひろ",
				"University of Cambridge " + tag);

		browser.findElement(By.linkText("Articles")).click();
		type("title", "Strengthening ties " + tag);
		RealBrowser.submit(browser, By.xpath("//button[text()='Create']"));
		new Select(browser.findElement(By.id("status"))).selectByValue("PUBLISHED");
		((JavascriptExecutor) browser).executeScript("arguments[0].value = '2024-10-16T10:00'",
				browser.findElement(By.id("publishedAt")));
		RealBrowser.submit(browser, By.xpath("//button[text()='Save the article']"));
		addToBlock("López-Gómez " + tag, "PRESS_CONTACT");
		addToBlock("Gregory " + tag, "SPOKESPERSON");
		String slug = browser.findElement(By.xpath("//a[text()='Public page']")).getAttribute("href");

		browser.get(slug);
		String page = browser.findElement(By.tagName("main")).getText();
		assertThat(page).contains("Strengthening ties " + tag, "16 October 2024", "For further information",
				"Dr Carlos López-Gómez " + tag,
				"Head of Policy Links, Cambridge Industrial Innovation Policy " + tag + ", Institute for Manufacturing "
						+ tag + ", University of Cambridge " + tag,
				"Professor Sir Mike Gregory " + tag, "Chair, Babbage Policy Forum " + tag);
		assertThat(page).as("contact points are INTERNAL until someone publishes them")
			.doesNotContain("764657", "carlos." + tag);
		RealBrowser.screenshot(browser, "seed-case-public-page");
	}

	private void type(String id, String text) {
		WebElement field = browser.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	private void createBelow(String name) {
		type("new-below", name);
		RealBrowser.submit(browser, By.xpath("//form[.//input[@id='new-below']]//button"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(name);
	}

	/** Fills in the new-person form (opened unless it is already) and saves it. */
	private void addPerson(Map<String, String> fields) {
		if (browser.findElements(By.id("nameOrder")).isEmpty() || !browser.getCurrentUrl().endsWith("/people/new")) {
			browser.findElement(By.linkText("Add a person")).click();
		}
		fields.forEach(this::type);
		RealBrowser.submit(browser, By.xpath("//button[text()='Add this person']"));
		assertThat(browser.findElements(By.cssSelector(".error:not(:empty)"))).as(browser.getCurrentUrl()).isEmpty();
	}

	private void addToBlock(String name, String role) {
		type("find", name);
		RealBrowser.submit(browser, By.xpath("//button[text()='Find']"));
		WebElement found = browser
			.findElement(By.xpath("//ul[@class='found']/li[.//span[contains(., '" + name + "')]]"));
		new Select(found.findElement(By.tagName("select"))).selectByValue(role);
		RealBrowser.submit(browser, By.xpath("//ul[@class='found']/li[.//span[contains(., '" + name + "')]]//button"));
	}

}

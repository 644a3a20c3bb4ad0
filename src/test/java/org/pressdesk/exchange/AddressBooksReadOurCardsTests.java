package org.pressdesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.pressdesk.ApiTestSupport;
import org.pressdesk.SeedDirectory;

/**
 * The seed's cards, staff and public, in 3.0, 4.0 and for Outlook, as Thunderbird and
 * Evolution read them: name parts, organisation with the person's own unit, title,
 * phones, email and LinkedIn each land in the field the address book shows.
 */
class AddressBooksReadOurCardsTests extends ApiTestSupport {

	private static final List<String> FORMATS = List.of("", "version=4.0", "target=outlook");

	@TempDir
	Path files;

	private SeedDirectory seed;

	private String tag;

	@BeforeEach
	void seed() {
		assumeTrue(AddressBooks.available() || "true".equals(System.getenv("CI")),
				"node with ical.js and python3-gi with libebook are not installed (.ci/run installs them; CI requires them)");
		tag = unique("ab");
		seed = SeedDirectory.create(editor, tag);
	}

	@Test
	void thunderbirdPutsEveryPartInItsField() throws Exception {
		Map<String, Path> cards = staffCards();
		JsonNode read = AddressBooks.thunderbird(List.copyOf(cards.values()));

		for (String format : FORMATS) {
			JsonNode lopez = only(read, cards, "lopez", format);
			assertThat(lopez.at("/DisplayName").asString()).as(format).isEqualTo("Dr Carlos López-Gómez " + tag);
			assertThat(lopez.at("/NamePrefix").asString()).as(format).isEqualTo("Dr");
			assertThat(lopez.at("/FirstName").asString()).as(format).isEqualTo("Carlos");
			assertThat(lopez.at("/LastName").asString()).as(format).isEqualTo("López-Gómez " + tag);
			assertThat(lopez.at("/Company").asString()).as(format).isEqualTo("University of Cambridge " + tag);
			assertThat(lopez.at("/Department").asString()).as(format + ": the person's own unit survives")
				.isEqualTo("Institute for Manufacturing " + tag + " › Cambridge Industrial Innovation Policy " + tag);
			assertThat(lopez.at("/JobTitle").asString()).as(format).isEqualTo("Head of Policy Links");
			assertThat(lopez.at("/WorkPhone").asString()).as(format).isEqualTo("+44 1223 764657");
			assertThat(lopez.at("/CellularNumber").asString()).as(format).isEqualTo("+44 7700 900123");
			assertThat(lopez.at("/PrimaryEmail").asString()).as(format)
				.isEqualTo("carlos." + tag.toLowerCase() + "@ifm.example.ac.uk");
			assertThat(lopez.at("/WebPage1").asString()).as(format)
				.isEqualTo("https://www.linkedin.com/in/carlos-" + tag.toLowerCase());

			JsonNode gregory = only(read, cards, "gregory", format);
			assertThat(gregory.at("/NamePrefix").asString()).as(format).isEqualTo("Professor Sir");
			assertThat(gregory.at("/Company").asString()).as(format).isEqualTo("University of Cambridge " + tag);
			assertThat(gregory.at("/Department").asString()).as(format).isEqualTo("Babbage Policy Forum " + tag);
			assertThat(gregory.at("/JobTitle").asString()).as(format).isEqualTo("Chair");

			JsonNode ueyama = only(read, cards, "ueyama", format);
			assertThat(ueyama.at("/DisplayName").asString()).as(format).isEqualTo("上山 隆大");
			assertThat(ueyama.at("/LastName").asString()).as(format).isEqualTo("上山");
			assertThat(ueyama.at("/FirstName").asString()).as(format).isEqualTo("隆大");
			assertThat(ueyama.at("/Department").asString()).as(format).isEqualTo("Institute for Manufacturing " + tag);
		}
	}

	@Test
	void evolutionPutsEveryPartInItsFieldWithTheReading() throws Exception {
		Map<String, Path> cards = staffCards();
		JsonNode read = AddressBooks.evolution(List.copyOf(cards.values()));

		for (String format : FORMATS) {
			JsonNode lopez = only(read, cards, "lopez", format);
			assertThat(lopez.at("/FN").asString()).as(format).isEqualTo("Dr Carlos López-Gómez " + tag);
			assertThat(lopez.at("/N/3").asString()).as(format).isEqualTo("Dr");
			assertThat(lopez.at("/ORG").asString()).as(format).isEqualTo("University of Cambridge " + tag);
			assertThat(lopez.at("/ORG_UNIT").asString()).as(format)
				.isEqualTo("Institute for Manufacturing " + tag + " › Cambridge Industrial Innovation Policy " + tag);
			assertThat(lopez.at("/TITLE").asString()).as(format).isEqualTo("Head of Policy Links");
			assertThat(lopez.at("/PHONE_BUSINESS").asString()).as(format).isEqualTo("+44 1223 764657");
			assertThat(lopez.at("/PHONE_MOBILE").asString()).as(format).isEqualTo("+44 7700 900123");
			assertThat(lopez.at("/EMAIL_1").asString()).as(format)
				.isEqualTo("carlos." + tag.toLowerCase() + "@ifm.example.ac.uk");
			assertThat(lopez.at("/HOMEPAGE_URL").asString()).as(format)
				.isEqualTo("https://www.linkedin.com/in/carlos-" + tag.toLowerCase());

			JsonNode ueyama = only(read, cards, "ueyama", format);
			assertThat(ueyama.at("/FN").asString()).as(format).isEqualTo("上山 隆大");
			assertThat(ueyama.at("/FAMILY_NAME").asString()).as(format).isEqualTo("上山");
			assertThat(ueyama.at("/X-PHONETIC-LAST-NAME").asString()).as(format).isEqualTo("うえやま");
			assertThat(ueyama.at("/X-PHONETIC-FIRST-NAME").asString()).as(format).isEqualTo("たかひろ");
		}
	}

	@Test
	void theArticlesPublicCardsReadTheSameWithoutInternalValues() throws Exception {
		Map<String, Path> cards = new LinkedHashMap<>();
		for (String format : FORMATS) {
			String query = format.isEmpty() ? "" : "?" + format;
			cards.put("lopez" + format, save("public-lopez-" + name(format),
					anonymous.get("/press/" + seed.slug() + "/contacts/" + seed.lopezGomez() + ".vcf" + query).body()));
		}
		JsonNode thunderbird = AddressBooks.thunderbird(List.copyOf(cards.values()));
		JsonNode evolution = AddressBooks.evolution(List.copyOf(cards.values()));

		for (String format : FORMATS) {
			JsonNode inThunderbird = only(thunderbird, cards, "lopez", format);
			assertThat(inThunderbird.at("/Department").asString()).as(format)
				.isEqualTo("Institute for Manufacturing " + tag + " › Cambridge Industrial Innovation Policy " + tag);
			assertThat(inThunderbird.at("/WorkPhone").asString()).as(format).isEqualTo("+44 1223 764657");
			assertThat(inThunderbird.has("CellularNumber")).as(format + ": the mobile is INTERNAL").isFalse();
			assertThat(inThunderbird.at("/WebPage1").asString()).as(format)
				.isEqualTo("https://www.linkedin.com/in/carlos-" + tag.toLowerCase());
			JsonNode inEvolution = only(evolution, cards, "lopez", format);
			assertThat(inEvolution.at("/ORG").asString()).as(format).isEqualTo("University of Cambridge " + tag);
			assertThat(inEvolution.at("/TITLE").asString()).as(format).isEqualTo("Head of Policy Links");
			assertThat(inEvolution.has("PHONE_MOBILE")).as(format).isFalse();
		}
	}

	/** Each of the seed's people, in each format, as staff download them. */
	private Map<String, Path> staffCards() throws IOException {
		Map<String, Path> cards = new LinkedHashMap<>();
		Map<String, String> people = Map.of("lopez", seed.lopezGomez(), "gregory", seed.gregory(), "ueyama",
				seed.ueyama());
		for (var person : people.entrySet()) {
			for (String format : FORMATS) {
				String query = format.isEmpty() ? "" : "?" + format;
				cards.put(person.getKey() + format, save(person.getKey() + "-" + name(format),
						viewer.get("/api/v1/people/" + person.getValue() + "/vcard" + query).body()));
			}
		}
		return cards;
	}

	private static String name(String format) {
		return format.isEmpty() ? "3.0" : format.replaceAll("[^a-z0-9.]", "");
	}

	private Path save(String name, String card) throws IOException {
		return Files.writeString(files.resolve(name + ".vcf"), card, StandardCharsets.UTF_8);
	}

	/** The one card of a person's file in one format, as the address book read it. */
	private static JsonNode only(JsonNode read, Map<String, Path> cards, String person, String format) {
		JsonNode file = read.get(cards.get(person + format).getFileName().toString());
		assertThat(file).as(person + " " + format).hasSize(1);
		assertThat(file.get(0).has("error")).as(file.get(0).toString()).isFalse();
		return file.get(0);
	}

}

package org.pressdesk.exchange;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.vcard.VCard;
import net.fortuna.ical4j.vcard.VCardBuilder;
import tools.jackson.databind.JsonNode;

import org.pressdesk.Http;

/**
 * vCard parsers that share no code with ez-vcard, to read what we write as address books
 * would: ical4j-vcard in the JVM, and Debian's python3-vobject (what
 * ../shared/tools/check-vcard uses).
 */
public final class OutsideParsers {

	private OutsideParsers() {
	}

	public static List<VCard> ical4j(String text) {
		try {
			return new VCardBuilder(new StringReader(text)).buildAll();
		}
		catch (IOException | ParserException ex) {
			throw new AssertionError("ical4j-vcard could not read the card: " + ex.getMessage() + "\n" + text, ex);
		}
	}

	/**
	 * Whether python3-vobject can be run here; in CI it must be (.ci/run installs it).
	 */
	static boolean vobjectAvailable() {
		try {
			return new ProcessBuilder("/usr/bin/python3", "-c", "import vobject").start().waitFor() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * The cards as python3-vobject reads them (with validation): per card, property name
	 * → values.
	 */
	static JsonNode vobject(String text) throws IOException, InterruptedException {
		Path file = Files.createTempFile("pressdesk", ".vcf");
		try {
			Files.writeString(file, text, StandardCharsets.UTF_8);
			Process process = new ProcessBuilder("/usr/bin/python3", "-c", READ_WITH_VOBJECT, file.toString())
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (process.waitFor() != 0) {
				throw new AssertionError("python3-vobject could not read the card:\n" + output + "\n" + text);
			}
			return Http.json.readTree(output);
		}
		finally {
			Files.delete(file);
		}
	}

	private static final String READ_WITH_VOBJECT = """
			import json, sys, vobject
			text = open(sys.argv[1], encoding='utf-8').read()
			cards = []
			for card in vobject.readComponents(text, validate=True):
			    props = {}
			    for name, lines in card.contents.items():
			        for line in lines:
			            value = line.value
			            if hasattr(value, 'family'):
			                value = {'family': value.family, 'given': value.given, 'additional': value.additional,
			                         'prefix': value.prefix, 'suffix': value.suffix}
			            elif isinstance(value, list):
			                value = [str(v) for v in value]
			            else:
			                value = str(value)
			            props.setdefault(name.upper(), []).append(value)
			    cards.append(props)
			print(json.dumps(cards))
			""";

}

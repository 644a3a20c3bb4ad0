package org.pressdesk.exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.pressdesk.Http;

/**
 * Two address books' own parsers, to read our cards as journalists' clients do:
 * Thunderbird's (ical.js from npm with Thunderbird's field mapping) and GNOME Evolution's
 * (libebook through python3-gi). Their programs are in {@code src/test/address-books};
 * {@code .ci/run} installs what they need.
 */
final class AddressBooks {

	/** Where .ci/run installs ical.js; {@code ICALJS} may name another copy. */
	private static final Path ICAL_JS = System.getenv("ICALJS") != null ? Path.of(System.getenv("ICALJS")) : Path
		.of(System.getProperty("user.home"), ".cache/pressdesk-address-books/node_modules/ical.js/dist/ical.js");

	private static final Path PROGRAMS = Path.of("src/test/address-books");

	private AddressBooks() {
	}

	static boolean available() {
		return Files.exists(ICAL_JS) && succeeds("node", "--version")
				&& succeeds("/usr/bin/python3", "-c", "import gi; gi.require_version('EBookContacts', '1.2')");
	}

	/** Per file name, its cards as Thunderbird's AbCard fields. */
	static JsonNode thunderbird(List<Path> files) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("node", PROGRAMS.resolve("thunderbird.mjs").toString()));
		files.forEach(file -> command.add(file.toString()));
		return run(command, ICAL_JS.toUri().toString());
	}

	/** Per file name, its cards as Evolution's EContact fields. */
	static JsonNode evolution(List<Path> files) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of("/usr/bin/python3", PROGRAMS.resolve("evolution.py").toString()));
		files.forEach(file -> command.add(file.toString()));
		return run(command, null);
	}

	private static JsonNode run(List<String> command, String icalJs) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		if (icalJs != null) {
			builder.environment().put("ICALJS", icalJs);
		}
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (process.waitFor() != 0) {
			throw new AssertionError(command.get(1) + " failed:\n" + output);
		}
		return Http.json.readTree(output);
	}

	private static boolean succeeds(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			process.getInputStream().readAllBytes();
			return process.waitFor() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}

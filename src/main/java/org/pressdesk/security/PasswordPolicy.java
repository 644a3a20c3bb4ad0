package org.pressdesk.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.pressdesk.system.InvalidInput;
import org.pressdesk.text.Folding;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * NIST SP 800-63B: 12 to 128 characters, no composition rules, no password from the list
 * of the most common ones, and none built on context-specific words: the service's name
 * or the user's own name (compared without case, accents, spaces or punctuation).
 */
@Component
class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 128;

	private final Set<String> common;

	PasswordPolicy() throws IOException {
		try (var reader = new BufferedReader(new InputStreamReader(
				new ClassPathResource("security/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
			common = reader.lines()
				.map(String::strip)
				.filter(line -> !line.isEmpty() && !line.startsWith("#"))
				.map(line -> line.toLowerCase(Locale.ROOT))
				.collect(Collectors.toUnmodifiableSet());
		}
	}

	/** Words a guesser tries first for a Pressdesk account. */
	private static final List<String> SERVICE_WORDS = List.of("pressdesk");

	void check(String field, String password, String username) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
			throw new InvalidInput(field, "must be at least " + MIN_LENGTH + " characters long");
		}
		if (password.codePointCount(0, password.length()) > MAX_LENGTH) {
			throw new InvalidInput(field, "must be at most " + MAX_LENGTH + " characters long");
		}
		if (common.contains(password.toLowerCase(Locale.ROOT))) {
			throw new InvalidInput(field, "is one of the most commonly used passwords; choose another");
		}
		String letters = lettersAndDigits(password);
		List<String> context = new ArrayList<>(SERVICE_WORDS);
		if (username != null && lettersAndDigits(username).length() >= 3) {
			context.add(lettersAndDigits(username));
		}
		for (String word : context) {
			if (letters.contains(word)) {
				throw new InvalidInput(field, "must not contain the user's name or the service's name");
			}
		}
	}

	private static String lettersAndDigits(String text) {
		return Folding.fold(text).replaceAll("[^\\p{L}\\p{N}]+", "");
	}

}

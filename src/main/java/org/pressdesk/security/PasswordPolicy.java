package org.pressdesk.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.pressdesk.system.InvalidInput;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * NIST SP 800-63B: 12 to 128 characters, no composition rules, and no password from the list of
 * the most common ones.
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

	void check(String field, String password) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
			throw new InvalidInput(field, "must be at least " + MIN_LENGTH + " characters long");
		}
		if (password.codePointCount(0, password.length()) > MAX_LENGTH) {
			throw new InvalidInput(field, "must be at most " + MAX_LENGTH + " characters long");
		}
		if (common.contains(password.toLowerCase(Locale.ROOT))) {
			throw new InvalidInput(field, "is one of the most commonly used passwords; choose another");
		}
	}

}

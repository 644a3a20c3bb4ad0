package org.pressdesk.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * API keys: {@code pd_<key id>_<secret>}, the secret 32 random bytes. Only the SHA-256 of
 * the secret is stored; the key id, also random, finds the row without revealing
 * anything.
 */
final class ApiKeys {

	static final String PREFIX = "pd_";

	private static final SecureRandom random = new SecureRandom();

	private ApiKeys() {
	}

	record Issued(String keyId, String secretHash, String key) {
	}

	record Presented(String keyId, String secret) {
	}

	static Issued issue() {
		String keyId = HexFormat.of().formatHex(bytes(8));
		String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
		return new Issued(keyId, hash(secret), PREFIX + keyId + "_" + secret);
	}

	/** The parts of a key in the right shape; empty for anything else. */
	static Optional<Presented> parse(String key) {
		if (key == null || !key.startsWith(PREFIX) || key.length() > 100) {
			return Optional.empty();
		}
		String rest = key.substring(PREFIX.length());
		int separator = rest.indexOf('_');
		if (separator <= 0 || separator == rest.length() - 1) {
			return Optional.empty();
		}
		return Optional.of(new Presented(rest.substring(0, separator), rest.substring(separator + 1)));
	}

	/**
	 * Compares in constant time, so the answer's timing says nothing about how much
	 * matched.
	 */
	static boolean matches(String secret, String storedHash) {
		return MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII),
				storedHash.getBytes(StandardCharsets.US_ASCII));
	}

	private static String hash(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

	private static byte[] bytes(int count) {
		byte[] bytes = new byte[count];
		random.nextBytes(bytes);
		return bytes;
	}

}

package org.pressdesk.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks 1.0 signatures: a secret is {@code whsec_} and Base64 of random
 * bytes; a signature is {@code v1,} and Base64 of the HMAC-SHA256 of
 * {@code id.timestamp.body} with those bytes.
 */
final class Signatures {

	private static final SecureRandom RANDOM = new SecureRandom();

	static final String SECRET_PREFIX = "whsec_";

	private Signatures() {
	}

	/** A new secret: 32 random bytes. */
	static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return SECRET_PREFIX + Base64.getEncoder().encodeToString(bytes);
	}

	static String sign(String secret, String messageId, long timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length())),
					"HmacSHA256"));
			byte[] signature = mac.doFinal((messageId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return "v1," + Base64.getEncoder().encodeToString(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is in every Java runtime", ex);
		}
	}

}

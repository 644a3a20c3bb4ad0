package org.pressdesk.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts the signing secrets for the database (AES-256-GCM), with a key that is not in
 * it: {@code PRESSDESK_WEBHOOKS_SECRET_KEY}, or else a key file made in the data
 * directory. A dump of the database alone cannot forge a signature.
 */
@Component
class SecretBox {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String PREFIX = "v1:";

	private final WebhookSettings settings;

	private final Path keyFile;

	private volatile SecretKey key;

	SecretBox(WebhookSettings settings, @Value("${pressdesk.data-dir:./data}") Path dataDir) {
		this.settings = settings;
		this.keyFile = dataDir.resolve("webhook-secrets.key");
	}

	String seal(String secret) {
		try {
			byte[] iv = new byte[12];
			RANDOM.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, iv));
			byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
			return PREFIX + Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is in every Java runtime", ex);
		}
	}

	String open(String sealed) {
		try {
			byte[] bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, bytes, 0, 12));
			return new String(cipher.doFinal(bytes, 12, bytes.length - 12), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("A webhook secret cannot be read with this key: is "
					+ "PRESSDESK_WEBHOOKS_SECRET_KEY the one it was stored with?", ex);
		}
	}

	private SecretKey key() {
		SecretKey known = key;
		if (known == null) {
			synchronized (this) {
				if (key == null) {
					key = new SecretKeySpec(keyBytes(), "AES");
				}
				known = key;
			}
		}
		return known;
	}

	private byte[] keyBytes() {
		if (settings.secretKey() != null && !settings.secretKey().isBlank()) {
			byte[] given = Base64.getDecoder().decode(settings.secretKey().strip());
			if (given.length != 32) {
				throw new IllegalStateException("PRESSDESK_WEBHOOKS_SECRET_KEY must be 32 bytes in Base64");
			}
			return given;
		}
		try {
			if (!Files.exists(keyFile)) {
				byte[] made = new byte[32];
				RANDOM.nextBytes(made);
				Files.createDirectories(keyFile.getParent());
				Path written = Files.createTempFile(keyFile.getParent(), "webhook-secrets", ".tmp");
				try {
					Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
				}
				catch (UnsupportedOperationException notPosix) {
					// the directory's own permissions protect it
				}
				Files.write(written, Base64.getEncoder().encode(made));
				try {
					Files.move(written, keyFile, StandardCopyOption.ATOMIC_MOVE);
				}
				catch (IOException another) {
					// another instance on this data directory made it first
					Files.deleteIfExists(written);
				}
			}
			return Base64.getDecoder().decode(Files.readString(keyFile).strip());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The webhook secrets' key file " + keyFile + " cannot be made or read", ex);
		}
	}

}

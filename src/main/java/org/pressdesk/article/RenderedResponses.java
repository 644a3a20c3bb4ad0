package org.pressdesk.article;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Public responses as last rendered, each with the version of the block it was rendered
 * from ({@code blockVersion}). An entry is served only while the database still gives
 * that version, so it can never be stale, even with several instances of the service; it
 * only saves the rendering and the wide queries. Clients see the ETag of the bytes
 * ({@code etag}): a change the public does not see (an INTERNAL phone) moves the version
 * on but not the ETag.
 */
@Component
class RenderedResponses {

	/**
	 * Enough for the articles journalists are reading this week; the least recently used
	 * go first.
	 */
	private static final int CAPACITY = 2_000;

	record Rendered(String blockVersion, String etag, String contentType, String disposition, byte[] body) {

		Rendered(String blockVersion, String contentType, String disposition, byte[] body) {
			this(blockVersion, etagOf(body), contentType, disposition, body);
		}

		/** The same rendering, marked with the version of the block it came from. */
		Rendered of(String blockVersion) {
			return new Rendered(blockVersion, etag, contentType, disposition, body);
		}

		private static String etagOf(byte[] body) {
			try {
				byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
				return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	private final Map<String, Rendered> entries = new LinkedHashMap<>(256, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Rendered> eldest) {
			return size() > CAPACITY;
		}
	};

	synchronized Rendered get(String key, String blockVersion) {
		Rendered rendered = entries.get(key);
		return rendered != null && rendered.blockVersion().equals(blockVersion) ? rendered : null;
	}

	synchronized void put(String key, Rendered rendered) {
		entries.put(key, rendered);
	}

}

package org.pressdesk.article;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Public responses as last rendered, each with the ETag of the block it was rendered from. An
 * entry is served only while the database still gives that ETag, so it can never be stale, even
 * with several instances of the service; it only saves the rendering and the wide queries.
 */
@Component
class RenderedResponses {

	/** Enough for the articles journalists are reading this week; the least recently used go first. */
	private static final int CAPACITY = 2_000;

	record Rendered(String etag, String contentType, String disposition, byte[] body) {
	}

	private final Map<String, Rendered> entries = new LinkedHashMap<>(256, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Rendered> eldest) {
			return size() > CAPACITY;
		}
	};

	synchronized Rendered get(String key, String etag) {
		Rendered rendered = entries.get(key);
		return rendered != null && rendered.etag().equals(etag) ? rendered : null;
	}

	synchronized void put(String key, Rendered rendered) {
		entries.put(key, rendered);
	}

}

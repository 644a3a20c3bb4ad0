package org.pressdesk.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

import org.pressdesk.system.InvalidInput;

/**
 * Where a page ended: the sort key and id of its last item, opaque to clients. Keyset
 * pagination on (sort key, id) neither skips nor repeats items when others are inserted
 * meanwhile.
 */
public record Cursor(String sortKey, String id) {

	private static final char SEPARATOR = '\u0000';

	public String encode() {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((sortKey + SEPARATOR + id).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The sort key of a list ordered by time; a cursor whose key is not one was not
	 * handed out by us.
	 */
	public Instant sortKeyAsInstant() {
		try {
			return Instant.parse(sortKey);
		}
		catch (DateTimeParseException ex) {
			throw notACursor();
		}
	}

	private static InvalidInput notACursor() {
		return new InvalidInput("cursor", "is not a cursor this service handed out");
	}

	/** Reads a cursor from a request; null when absent. */
	public static Cursor decode(String cursor) {
		if (cursor == null || cursor.isEmpty()) {
			return null;
		}
		try {
			String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			int separator = text.lastIndexOf(SEPARATOR);
			if (separator < 0) {
				throw new IllegalArgumentException("no separator");
			}
			return new Cursor(text.substring(0, separator), text.substring(separator + 1));
		}
		catch (IllegalArgumentException ex) {
			throw notACursor();
		}
	}

	/** Validates {@code limit}: 1 to 100, 20 when absent. */
	public static int limit(Integer limit) {
		if (limit == null) {
			return 20;
		}
		if (limit < 1 || limit > 100) {
			throw new InvalidInput("limit", "must be between 1 and 100");
		}
		return limit;
	}

}

package org.pressdesk.system;

import org.jooq.Condition;
import org.jooq.Field;

/**
 * LIKE conditions with the user's text escaped, so that {@code %} and {@code _} match
 * themselves.
 */
public final class Like {

	private Like() {
	}

	public static Condition startingWith(Field<String> field, String prefix) {
		return field.like(escape(prefix) + "%", '\\');
	}

	public static Condition containing(Field<String> field, String text) {
		return field.like("%" + escape(text) + "%", '\\');
	}

	private static String escape(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}

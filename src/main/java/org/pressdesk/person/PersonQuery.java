package org.pressdesk.person;

import java.util.List;

import org.pressdesk.system.InvalidInput;
import org.pressdesk.web.Cursor;

/**
 * A search over people: the words typed, the organisations (each with those below it) and
 * the topic to filter by, the order, where the page starts, and whether each result says
 * why it matched.
 */
record PersonQuery(String text, List<String> organisationIds, String topic, Order order, Cursor after, int limit,
		boolean explained) {

	/** The order of results: by relevance when words were typed, or by name. */
	enum Order {

		RELEVANCE, NAME;

		/**
		 * The order a request asks for ({@code sort}); by relevance when it asks none.
		 */
		static Order of(String sort) {
			if (sort == null || sort.isBlank()) {
				return RELEVANCE;
			}
			return switch (sort.strip()) {
				case "relevance" -> RELEVANCE;
				case "name" -> NAME;
				default -> throw new InvalidInput("sort", "must be relevance or name");
			};
		}

	}

}

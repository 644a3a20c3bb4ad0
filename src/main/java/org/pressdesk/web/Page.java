package org.pressdesk.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: the items, and the cursor of the next page or null on the last one.
 */
public record Page<T>(List<T> items, String next) {

	/**
	 * The page of a query that fetched up to {@code limit + 1} items: the first
	 * {@code limit}, and when there was one more, a cursor after the last item shown.
	 */
	public static <T> Page<T> of(List<T> fetched, int limit, Function<T, Cursor> cursorAfter) {
		if (fetched.size() <= limit) {
			return new Page<>(fetched, null);
		}
		return new Page<>(fetched.subList(0, limit), cursorAfter.apply(fetched.get(limit - 1)).encode());
	}

}

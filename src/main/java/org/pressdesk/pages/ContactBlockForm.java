package org.pressdesk.pages;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import org.pressdesk.article.ContactInput;
import org.pressdesk.article.ContactRole;

/**
 * The contact block as the article page's form lists it: one row per contact (the same
 * index in each list), a position that orders the rows, and the people marked for
 * removal.
 */
record ContactBlockForm(int version, List<String> personId, List<ContactRole> role, List<String> affiliationId,
		List<Integer> position, List<String> remove) {

	/**
	 * The block the form asks for: rows in the order of their positions, the removed left
	 * out.
	 */
	List<ContactInput> contacts() {
		int rows = personId == null ? 0 : personId.size();
		return IntStream.range(0, rows)
			.boxed()
			.filter(i -> remove == null || !remove.contains(personId.get(i)))
			.sorted(Comparator.comparing(i -> position.get(i)))
			.map(i -> new ContactInput(personId.get(i), role.get(i),
					affiliationId.get(i).isBlank() ? null : affiliationId.get(i)))
			.toList();
	}

}

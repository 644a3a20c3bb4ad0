package org.pressdesk.person;

import java.util.List;

import org.pressdesk.web.Cursor;

/**
 * A search over people, resolved: for each query word the prefixes that may match it, the
 * organisations (with their sub-organisations) and the topic to filter by, where the page
 * starts.
 */
record PersonQuery(List<List<String>> words, List<String> organisationIds, String topic, Cursor after, int limit) {

	boolean selectsEveryone() {
		return words.isEmpty() && organisationIds == null && (topic == null || topic.isBlank());
	}

}

package org.pressdesk.changes;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.pressdesk.web.Page;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The change feed, for consumers that cannot receive webhooks. */
@RestController
@RequestMapping("/api/v1/changes")
@Tag(name = "Change events")
class ChangeApi {

	private final ChangeEvents events;

	ChangeApi(ChangeEvents events) {
		this.events = events;
	}

	/**
	 * List change events in commit order: the events webhooks send, with the same ids,
	 * kept 30 days. A consumer that polls with the {@code next} of its last answer misses
	 * nothing and sees nothing twice; {@code next} is never null (an empty page gives the
	 * same cursor back).
	 * @param after the {@code next} of a previous answer; without it, from the oldest
	 * event kept
	 * @param limit at most this many events (default 100, at most 1000)
	 */
	@GetMapping
	Page<ChangeEvent> listChanges(@RequestParam(required = false) String after,
			@RequestParam(required = false) Integer limit) {
		return events.page(after, limit);
	}

}

package org.pressdesk.audit;

import static org.pressdesk.db.Tables.AFFILIATION;
import static org.pressdesk.db.Tables.API_CLIENT;
import static org.pressdesk.db.Tables.APP_USER;
import static org.pressdesk.db.Tables.ARTICLE;
import static org.pressdesk.db.Tables.ORGANISATION;
import static org.pressdesk.db.Tables.PERSON;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.jooq.TableField;

import org.pressdesk.audit.AuditTrail.Entity;
import org.pressdesk.text.Texts;
import org.pressdesk.web.Cursor;
import org.pressdesk.web.Page;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit trail as a page, for ADMINs: newest first, filtered like
 * {@code GET /api/v1/audit}.
 */
@Controller
class AuditPages {

	private final AuditRepository events;

	private final DSLContext db;

	AuditPages(AuditRepository events, DSLContext db) {
		this.events = events;
		this.db = db;
	}

	/** Where the page finds a record's name, and the page of such a record. */
	private record Named(TableField<?, String> id, TableField<?, String> name, String page) {
	}

	/**
	 * The record types the page names by a column of their own; an affiliation is named
	 * by its person, the others (an import) show their type.
	 */
	private static final Map<String, Named> NAMED = Map.of(Entity.PERSON.value(),
			new Named(PERSON.ID, PERSON.DISPLAY_NAME, "/people/"), Entity.ORGANISATION.value(),
			new Named(ORGANISATION.ID, ORGANISATION.NAME, "/organisations/"), Entity.ARTICLE.value(),
			new Named(ARTICLE.ID, ARTICLE.TITLE, "/articles/"), Entity.USER.value(),
			new Named(APP_USER.ID, APP_USER.USERNAME, null), Entity.API_CLIENT.value(),
			new Named(API_CLIENT.ID, API_CLIENT.NAME, null));

	/** How a record is shown on the page: its name (or type and id), and its page. */
	record RecordLink(String text, String path) {
	}

	@GetMapping("/admin/audit")
	String audit(@RequestParam(name = "entity", required = false) String entityType,
			@RequestParam(required = false) String entityId, @RequestParam(required = false) String actor,
			@RequestParam(required = false) AuditTrail.Action action, @RequestParam(required = false) String cursor,
			Model model) {
		model.addAttribute("entity", entityType);
		model.addAttribute("entityId", entityId);
		model.addAttribute("actor", actor);
		model.addAttribute("action", action);
		model.addAttribute("actions", AuditTrail.Action.values());
		model.addAttribute("entities", Entity.values());
		Page<AuditEvent> page = events.list(new AuditQuery(Texts.blankToNull(entityType), Texts.blankToNull(entityId),
				Texts.blankToNull(actor), action == null ? null : action.name(), null, null), Cursor.decode(cursor),
				50);
		model.addAttribute("events", page);
		model.addAttribute("records", linksOf(page.items()));
		return "audit/list";
	}

	/**
	 * Each entry's record by name, with a link while it exists: one look-up per record
	 * type on the page.
	 */
	private Map<String, RecordLink> linksOf(List<AuditEvent> entries) {
		Map<String, RecordLink> links = new HashMap<>();
		entries.stream()
			.filter(e -> e.entityType() != null && e.entityId() != null)
			.collect(Collectors.groupingBy(AuditEvent::entityType,
					Collectors.mapping(AuditEvent::entityId, Collectors.toSet())))
			.forEach((type, ids) -> {
				if (type.equals(Entity.AFFILIATION.value())) {
					// an affiliation is named by its person, whose page shows it
					db.select(AFFILIATION.ID, PERSON.ID, PERSON.DISPLAY_NAME)
						.from(AFFILIATION)
						.join(PERSON)
						.on(PERSON.ID.eq(AFFILIATION.PERSON_ID))
						.where(AFFILIATION.ID.in(ids))
						.forEach(r -> links.put(type + ":" + r.value1(),
								new RecordLink("affiliation of " + r.value3(), "/people/" + r.value2())));
					ids.forEach(id -> links.putIfAbsent(type + ":" + id, new RecordLink(type + " " + id, null)));
					return;
				}
				Named named = NAMED.get(type);
				Map<String, String> known = named == null ? Map.of()
						: db.select(named.id(), named.name())
							.from(named.id().getTable())
							.where(named.id().in(ids))
							.fetchMap(named.id(), named.name());
				for (String id : ids) {
					String name = known.get(id);
					links.put(type + ":" + id, name == null ? new RecordLink(type + " " + id, null)
							: new RecordLink(type + " " + name, named.page() == null ? null : named.page() + id));
				}
			});
		return links;
	}

}

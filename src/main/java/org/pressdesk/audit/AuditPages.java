package org.pressdesk.audit;

import org.pressdesk.text.Texts;
import org.pressdesk.web.Cursor;

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

	AuditPages(AuditRepository events) {
		this.events = events;
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
		model.addAttribute("events",
				events.list(
						new AuditQuery(Texts.blankToNull(entityType), Texts.blankToNull(entityId),
								Texts.blankToNull(actor), action == null ? null : action.name(), null, null),
						Cursor.decode(cursor), 50));
		return "audit/list";
	}

}

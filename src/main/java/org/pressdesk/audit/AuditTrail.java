package org.pressdesk.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.pressdesk.system.Ids;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes the audit trail. Called inside the transaction of the change it records, so a
 * change and its entry are committed together or not at all; outside one (a failed
 * login), it is written on its own. The actor and the client address come from the
 * current request.
 */
@Component
public class AuditTrail {

	/** What happened; the names clients filter {@code GET /audit} by. */
	public enum Action {

		LOGIN_SUCCEEDED, LOGIN_FAILED, ACCESS_DENIED, CREATED, UPDATED, DELETED, EXPORTED, IMPORTED, KEY_ROTATED,
		REVOKED, DISMISSED, MERGED, MERGE_UNDONE

	}

	/**
	 * What an entry is about; the names clients filter {@code GET /audit} by
	 * ({@code entity}).
	 */
	public enum Entity {

		PERSON("person"), AFFILIATION("affiliation"), ORGANISATION("organisation"), ARTICLE("article"), USER("user"),
		API_CLIENT("api-client"), IMPORT("import"), DUPLICATE("duplicate"), WEBHOOK("webhook");

		private final String value;

		Entity(String value) {
			this.value = value;
		}

		public String value() {
			return value;
		}

	}

	private final AuditRepository events;

	private final JsonMapper mapper;

	private final Clock clock;

	AuditTrail(AuditRepository events, JsonMapper mapper, Clock clock) {
		this.events = events;
		this.mapper = mapper;
		this.clock = clock;
	}

	public void record(Action action, Entity entityType, String entityId, Collection<String> changedFields,
			String detail) {
		record(actor(), action, entityType, entityId, changedFields, detail);
	}

	public void record(Action action, Entity entityType, String entityId) {
		record(action, entityType, entityId, List.of(), null);
	}

	/**
	 * For events whose actor is not (yet) the authenticated one: a login names who tried.
	 */
	public void record(String actor, Action action, Entity entityType, String entityId,
			Collection<String> changedFields, String detail) {
		events.insert(new AuditEvent(Ids.newId(), Instant.now(clock), truncate(actor, 250), action.name(),
				entityType == null ? null : entityType.value(), entityId, List.copyOf(changedFields),
				truncate(detail, 1000), clientAddress()));
	}

	/**
	 * An entry with the states of records before the change (a merge, its undo), which
	 * the entry keeps as they are.
	 */
	public void recordWithStates(Action action, Entity entityType, String entityId, String detail, Object states) {
		events.insert(new AuditEvent(Ids.newId(), Instant.now(clock), truncate(actor(), 250), action.name(),
				entityType.value(), entityId, List.of(), truncate(detail, 1000), clientAddress(),
				mapper.valueToTree(states)));
	}

	/** One entry of a bulk write, by the authenticated actor. */
	public record Entry(Action action, Entity entityType, String entityId, List<String> changedFields, String detail) {

		public Entry(Action action, Entity entityType, String entityId, String detail) {
			this(action, entityType, entityId, List.of(), detail);
		}

	}

	/** Many entries of one bulk write (an import), in a few statements. */
	public void recordAll(List<Entry> entries) {
		String actor = truncate(actor(), 250);
		String address = clientAddress();
		Instant now = Instant.now(clock);
		events.insertAll(entries.stream()
			.map(entry -> new AuditEvent(Ids.newId(), now, actor, entry.action().name(), entry.entityType().value(),
					entry.entityId(), List.copyOf(entry.changedFields()), truncate(entry.detail(), 1000), address))
			.toList());
	}

	/** The newest entries about one record, for its page. */
	public List<AuditEvent> historyOf(Entity entityType, String entityId, int limit) {
		return events.list(new AuditQuery(entityType.value(), entityId, null, null, null, null), null, limit).items();
	}

	/**
	 * The names of the top-level fields whose values differ between two versions of a
	 * write model (what a client may write), so an entry says what changed without
	 * copying personal data.
	 */
	public List<String> changedFields(Object before, Object after) {
		JsonNode old = mapper.valueToTree(before);
		JsonNode now = mapper.valueToTree(after);
		Set<String> names = new TreeSet<>();
		old.propertyNames().forEach(names::add);
		now.propertyNames().forEach(names::add);
		List<String> changed = new ArrayList<>();
		for (String name : names) {
			if (!Objects.equals(old.get(name), now.get(name))) {
				changed.add(name);
			}
		}
		return changed;
	}

	/** Who is acting: a staff username, an API client's name, "anonymous" or "system". */
	public static String actor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			return "system";
		}
		if (authentication instanceof AnonymousAuthenticationToken || !authentication.isAuthenticated()) {
			return "anonymous";
		}
		return authentication.getName();
	}

	private String clientAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

	private static String truncate(String text, int length) {
		return text == null || text.length() <= length ? text : text.substring(0, length);
	}

}

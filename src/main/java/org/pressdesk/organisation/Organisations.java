package org.pressdesk.organisation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

import org.pressdesk.audit.AuditTrail.Action;
import org.pressdesk.audit.AuditTrail.Entity;
import org.pressdesk.audit.AuditTrail;
import org.pressdesk.changes.ChangeKind;
import org.pressdesk.changes.ChangeLog;
import org.pressdesk.changes.Subject;
import org.pressdesk.system.Conflict;
import org.pressdesk.system.FieldProblem;
import org.pressdesk.system.Ids;
import org.pressdesk.system.ImportLock;
import org.pressdesk.system.InvalidInput;
import org.pressdesk.system.NotFound;
import org.pressdesk.web.ETags;
import org.pressdesk.web.RequestBodies;
import org.pressdesk.web.RequestBodies.FurtherChecks;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The changes to organisations, each one transaction. */
@Service
public class Organisations implements FurtherChecks {

	private final OrganisationRepository organisations;

	private final RequestBodies bodies;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final ChangeLog changeLog;

	private final Clock clock;

	private final ImportLock importLock;

	Organisations(OrganisationRepository organisations, RequestBodies bodies, ApplicationEventPublisher events,
			AuditTrail audit, ChangeLog changeLog, Clock clock, ImportLock importLock) {
		this.organisations = organisations;
		this.bodies = bodies;
		this.events = events;
		this.audit = audit;
		this.changeLog = changeLog;
		this.clock = clock;
		this.importLock = importLock;
	}

	/**
	 * The problems of an organisation's other fields (a country that is not one) when
	 * some could not be read: told with the rest.
	 */
	@Override
	public List<FieldProblem> problemsOf(Object body) {
		return body instanceof OrganisationInput input ? FurtherChecks.problemsOf(() -> checked(input)) : List.of();
	}

	/** Validated and normalised, every problem at once. */
	private OrganisationInput checked(OrganisationInput request) {
		return request.normalised(bodies.violations(request));
	}

	/**
	 * Creates an organisation; waits for a running import first, so that the import finds
	 * it by name or it is created after it (never both at once).
	 */
	@Transactional
	public Organisation create(OrganisationInput request) {
		OrganisationInput input = checked(request);
		importLock.forCreate();
		String id = Ids.newId();
		if (input.parentId() != null) {
			requireParentOutsideOf(id, input.parentId());
		}
		organisations.insert(id, input, Instant.now(clock));
		audit.record(Action.CREATED, Entity.ORGANISATION, id);
		changeLog.record(Subject.ORGANISATION, id, ChangeKind.CREATED);
		return organisations.find(id).orElseThrow();
	}

	@Transactional
	public Organisation patch(String id, JsonNode patch, String ifMatch) {
		Organisation current = lockedForWrite(id, ifMatch);
		return write(current, checked(bodies.merged(current.toInput(), patch, OrganisationInput.class)));
	}

	/**
	 * Replaces what a client may write, unless the organisation changed since
	 * {@code ifMatch} (a form).
	 */
	@Transactional
	public Organisation replace(String id, OrganisationInput request, String ifMatch) {
		Organisation current = lockedForWrite(id, ifMatch);
		return write(current, checked(request));
	}

	private Organisation lockedForWrite(String id, String ifMatch) {
		organisations.lockParentOf(id).orElseThrow(() -> new NotFound("organisation", id));
		Organisation current = organisations.find(id).orElseThrow();
		ETags.requireMatch(ifMatch, current.version());
		return current;
	}

	private Organisation write(Organisation current, OrganisationInput input) {
		String id = current.id();
		if (input.parentId() != null && !input.parentId().equals(current.parentId())) {
			requireParentOutsideOf(id, input.parentId());
		}
		organisations.update(id, input, Instant.now(clock));
		Organisation updated = organisations.find(id).orElseThrow();
		// the fields whose stored values changed (a form sends every field)
		audit.record(Action.UPDATED, Entity.ORGANISATION, id, audit.changedFields(current.toInput(), updated.toInput()),
				null);
		changeLog.record(Subject.ORGANISATION, id, ChangeKind.UPDATED);
		if (!Objects.equals(input.name(), current.name()) || !Objects.equals(input.shortName(), current.shortName())) {
			events.publishEvent(new OrganisationRenamed(id));
		}
		return updated;
	}

	@Transactional
	public void delete(String id, String ifMatch) {
		organisations.lockParentOf(id).orElseThrow(() -> new NotFound("organisation", id));
		ETags.requireMatch(ifMatch, organisations.find(id).orElseThrow().version());
		if (organisations.hasChildren(id)) {
			throw new Conflict("The organisation has sub-organisations; move or delete them first.");
		}
		if (organisations.hasAffiliations(id)) {
			throw new Conflict("People are or were affiliated with the organisation; "
					+ "remove those affiliations first, so that no one's history is lost silently.");
		}
		organisations.delete(id);
		audit.record(Action.DELETED, Entity.ORGANISATION, id);
		changeLog.record(Subject.ORGANISATION, id, ChangeKind.DELETED);
	}

	/**
	 * Walks up from the new parent, locking each row on the way, and refuses when it
	 * meets the organisation itself: the tree would become a cycle.
	 */
	private void requireParentOutsideOf(String id, String parentId) {
		String ancestor = parentId;
		while (ancestor != null) {
			if (ancestor.equals(id)) {
				throw new Conflict("An organisation cannot be placed under itself or under one of its own "
						+ "sub-organisations: that would make the tree a cycle.");
			}
			Optional<Optional<String>> parentOfAncestor = organisations.lockParentOf(ancestor);
			if (parentOfAncestor.isEmpty()) {
				throw new InvalidInput("parentId", "no organisation has this id");
			}
			ancestor = parentOfAncestor.get().orElse(null);
		}
	}

}

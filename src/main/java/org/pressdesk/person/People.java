package org.pressdesk.person;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.pressdesk.audit.AuditTrail.Action;
import org.pressdesk.audit.AuditTrail.Entity;
import org.pressdesk.audit.AuditTrail;
import org.pressdesk.changes.ChangeKind;
import org.pressdesk.changes.ChangeLog;
import org.pressdesk.changes.Subject;
import org.pressdesk.organisation.OrganisationRenamed;
import org.pressdesk.organisation.OrganisationRepository;
import org.pressdesk.system.FieldProblem;
import org.pressdesk.system.Ids;
import org.pressdesk.system.ImportLock;
import org.pressdesk.system.InvalidInput;
import org.pressdesk.web.ETags;
import org.pressdesk.web.RequestBodies.FurtherChecks;
import org.pressdesk.web.RequestBodies;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The changes to people and their affiliations. Each is one transaction that also writes
 * the audit trail and the change log (which the search index follows), so that nothing
 * sees half a change.
 */
@Service
public class People implements FurtherChecks {

	private final PersonRepository people;

	private final OrganisationRepository organisations;

	private final ChangeLog changeLog;

	private final PhoneNumbers phoneNumbers;

	private final RequestBodies bodies;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final Clock clock;

	private final ImportLock importLock;

	People(PersonRepository people, OrganisationRepository organisations, ChangeLog changeLog,
			PhoneNumbers phoneNumbers, RequestBodies bodies, ApplicationEventPublisher events, AuditTrail audit,
			Clock clock, ImportLock importLock) {
		this.people = people;
		this.organisations = organisations;
		this.changeLog = changeLog;
		this.phoneNumbers = phoneNumbers;
		this.bodies = bodies;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
		this.importLock = importLock;
	}

	/**
	 * Creates a person; waits for a running import first, so that the import matches its
	 * cards against them or they are created after it (never both at once).
	 */
	@Transactional
	public Person create(PersonInput request) {
		PersonDraft draft = check(request);
		importLock.forCreate();
		String id = Ids.newId();
		people.insert(id, draft, Instant.now(clock));
		audit.record(Action.CREATED, Entity.PERSON, id);
		changeLog.record(Subject.PERSON, id, ChangeKind.CREATED);
		return people.get(id);
	}

	/** Creates the person with their first affiliation (or none), in one transaction. */
	@Transactional
	public Person create(PersonInput request, AffiliationInput firstAffiliation) {
		Person person = create(request);
		if (firstAffiliation == null) {
			return person;
		}
		addAffiliation(person.id(), firstAffiliation, null);
		return people.get(person.id());
	}

	/**
	 * Creates checked people with their first affiliations in a few statements for all of
	 * them (an import writes 500 at a time).
	 */
	@Transactional
	public void createAll(List<NewPerson> newPeople) {
		if (newPeople.isEmpty()) {
			return;
		}
		people.insertAll(newPeople, Instant.now(clock));
		List<AuditTrail.Entry> entries = new ArrayList<>();
		for (NewPerson person : newPeople) {
			entries.add(new AuditTrail.Entry(Action.CREATED, Entity.PERSON, person.id(), null));
			for (NewPerson.NewAffiliation affiliation : person.affiliations()) {
				entries.add(new AuditTrail.Entry(Action.CREATED, Entity.AFFILIATION, affiliation.id(),
						"of person " + person.id()));
			}
		}
		audit.recordAll(entries);
		changeLog.recordAll(Subject.PERSON, newPeople.stream().map(NewPerson::id).toList(), ChangeKind.CREATED);
	}

	/**
	 * Locks these people until the transaction ends and reads them: the people an
	 * import's cards matched, before it changes them with {@link #replaceAll}.
	 */
	public Map<String, Person> lockAll(Collection<String> ids) {
		Map<String, Person> found = new HashMap<>();
		people.lockedBatchOf(ids).forEach(person -> found.put(person.id(), person));
		return found;
	}

	/** A person as they were, and the checked draft they become ({@link #check}). */
	public record Replacement(Person before, PersonDraft draft) {
	}

	/** A person as they are after {@link #replaceAll}, and the fields that changed. */
	public record Replaced(Person after, List<String> changedFields) {
	}

	/**
	 * Replaces many people, locked by {@link #lockAll} in this transaction, in a few
	 * statements (an import writes 500 at a time); each is audited with the fields that
	 * changed.
	 */
	public List<Replaced> replaceAll(List<Replacement> replacements) {
		if (replacements.isEmpty()) {
			return List.of();
		}
		Map<String, PersonDraft> drafts = new LinkedHashMap<>();
		Map<String, Person> before = new HashMap<>();
		replacements.forEach(replacement -> {
			drafts.put(replacement.before().id(), replacement.draft());
			before.put(replacement.before().id(), replacement.before());
		});
		Instant now = Instant.now(clock);
		people.updateAll(drafts, before, now);
		List<Replaced> replaced = new ArrayList<>();
		List<AuditTrail.Entry> entries = new ArrayList<>();
		for (Replacement replacement : replacements) {
			// as written, without reading them back
			Person was = replacement.before();
			PersonDraft draft = replacement.draft();
			Person after = new Person(was.id(), draft.name(), draft.pronouns(), draft.linkedinUrl(), draft.emails(),
					draft.phones(), was.affiliations(), draft.topics(), draft.notes(), draft.lawfulBasis(),
					draft.source(), draft.sortName(), was.createdAt(), now, was.version() + 1);
			List<String> changed = audit.changedFields(was.toInput(), after.toInput());
			replaced.add(new Replaced(after, changed));
			entries.add(new AuditTrail.Entry(Action.UPDATED, Entity.PERSON, after.id(), changed, null));
			events.publishEvent(new PersonChanged(was, after));
		}
		audit.recordAll(entries);
		changeLog.recordAll(Subject.PERSON, List.copyOf(drafts.keySet()), ChangeKind.UPDATED);
		return replaced;
	}

	/**
	 * An affiliation's input validated and normalised, for a bulk write whose
	 * organisations are known to exist; throws {@code InvalidInput}.
	 */
	public AffiliationInput checkAffiliation(AffiliationInput request) {
		return bodies.validated(request).normalised();
	}

	@Transactional
	public Person patch(String id, JsonNode patch, String ifMatch) {
		Person current = lockedForWrite(id, ifMatch);
		PersonInput merged = bodies.merged(current.toInput(), patch, PersonInput.class);
		PersonDraft draft = check(merged);
		people.update(id, draft, Instant.now(clock));
		return audited(current, changed(id));
	}

	/** Replaces everything a client may write about the person (imports do this). */
	@Transactional
	public Person replace(String id, PersonInput request) {
		return replace(id, request, null);
	}

	/**
	 * Replaces everything a client may write, unless the person changed since
	 * {@code ifMatch} (a form).
	 */
	@Transactional
	public Person replace(String id, PersonInput request, String ifMatch) {
		Person current = lockedForWrite(id, ifMatch);
		people.update(id, check(request), Instant.now(clock));
		return audited(current, changed(id));
	}

	/**
	 * Records the update with the fields whose stored values changed: a form that sends
	 * every field, or an import that repeats what is there, changes only what differs.
	 */
	private Person audited(Person before, Person after) {
		audit.record(Action.UPDATED, Entity.PERSON, after.id(), audit.changedFields(before.toInput(), after.toInput()),
				null);
		events.publishEvent(new PersonChanged(before, after));
		return after;
	}

	/**
	 * The problems of a person's other fields (a phone that cannot exist) when some could
	 * not be read: told with the rest.
	 */
	@Override
	public List<FieldProblem> problemsOf(Object body) {
		return body instanceof PersonInput input ? FurtherChecks.problemsOf(() -> check(input)) : List.of();
	}

	/**
	 * Validates and normalises without writing, so that a caller can report a bad input
	 * without an exception passing through (and so marking) its transaction.
	 */
	public PersonDraft check(PersonInput request) {
		List<FieldProblem> violations = bodies.violations(request);
		return request.normalised(phoneNumbers, violations);
	}

	/**
	 * Deletes the person. Listeners of {@link PersonToBeDeleted} (articles naming the
	 * person) may refuse, unless {@code force}, in which case they let go of the person
	 * first.
	 */
	@Transactional
	public void delete(String id, String ifMatch, boolean force) {
		lockedForWrite(id, ifMatch);
		events.publishEvent(new PersonToBeDeleted(id, force));
		people.delete(id);
		audit.record(Action.DELETED, Entity.PERSON, id);
		changeLog.record(Subject.PERSON, id, ChangeKind.DELETED);
	}

	@Transactional
	public AffiliationOfPerson addAffiliation(String personId, AffiliationInput request, String ifMatch) {
		lockedForWrite(personId, ifMatch);
		AffiliationInput input = normalised(request);
		String id = Ids.newId();
		Instant now = Instant.now(clock);
		people.insertAffiliation(personId, id, input, now);
		audit.record(Action.CREATED, Entity.AFFILIATION, id, List.of(), "of person " + personId);
		return afterAffiliationChange(personId, id, input, now);
	}

	@Transactional
	public AffiliationOfPerson patchAffiliation(String personId, String affiliationId, JsonNode patch, String ifMatch) {
		Affiliation current = lockedForWrite(personId, ifMatch).affiliation(affiliationId);
		AffiliationInput patched = bodies.patched(current.toInput(), patch, AffiliationInput.class);
		return writeAffiliation(personId, current, patched);
	}

	/**
	 * Replaces an affiliation; {@code ifMatch} is the person's version, or null to write
	 * whatever it is.
	 */
	@Transactional
	public AffiliationOfPerson replaceAffiliation(String personId, String affiliationId, AffiliationInput request,
			String ifMatch) {
		Affiliation current = lockedForWrite(personId, ifMatch).affiliation(affiliationId);
		return writeAffiliation(personId, current, request);
	}

	/** Writes the affiliation, audited with the fields whose stored values change. */
	private AffiliationOfPerson writeAffiliation(String personId, Affiliation current, AffiliationInput request) {
		AffiliationInput input = normalised(request);
		people.updateAffiliation(current.id(), input);
		audit.record(Action.UPDATED, Entity.AFFILIATION, current.id(), audit.changedFields(current.toInput(), input),
				"of person " + personId);
		return afterAffiliationChange(personId, current.id(), input, Instant.now(clock));
	}

	@Transactional
	public void deleteAffiliation(String personId, String affiliationId, String ifMatch) {
		lockedForWrite(personId, ifMatch).affiliation(affiliationId);
		people.deleteAffiliation(affiliationId);
		audit.record(Action.DELETED, Entity.AFFILIATION, affiliationId, List.of(), "of person " + personId);
		people.touch(List.of(personId), Instant.now(clock));
		changed(personId);
	}

	/**
	 * Makes {@code kept} the one person that {@code kept} and {@code merged} were: their
	 * fields become {@code combined}, they take the merged person's affiliations but
	 * {@code dropped} (equal to one of their own; one primary stays primary), and the
	 * merged person is deleted. Both are locked by {@link #lockAll} in this transaction;
	 * the merged person's article places were moved first.
	 */
	public Person absorb(Person kept, Person merged, PersonInput combined, Collection<String> dropped) {
		PersonDraft draft = check(combined);
		people.update(kept.id(), draft, Instant.now(clock));
		dropped.forEach(people::deleteAffiliation);
		people.moveAffiliations(
				merged.affiliations().stream().map(Affiliation::id).filter(id -> !dropped.contains(id)).toList(),
				kept.id());
		kept.affiliations()
			.stream()
			.filter(Affiliation::primary)
			.findFirst()
			.ifPresent(primary -> people.clearOtherPrimaries(kept.id(), primary.id()));
		people.delete(merged.id());
		changeLog.record(Subject.PERSON, merged.id(), ChangeKind.MERGED, Map.of("into", kept.id()));
		Person after = changed(kept.id());
		events.publishEvent(new PersonChanged(kept, after));
		return after;
	}

	/**
	 * Writes people back exactly as the snapshots show them, with their times and
	 * versions (a merge undone): the merged one is created again with their ids, and
	 * their affiliations are taken back from the kept one.
	 */
	public void restore(PersonState kept, PersonState merged) {
		Person keptNow = people.get(kept.id());
		people.restore(merged, check(merged.fields()));
		people.restore(kept, check(kept.fields()));
		events.publishEvent(new PersonChanged(keptNow, people.get(kept.id())));
		changeLog.record(Subject.PERSON, merged.id(), ChangeKind.CREATED);
		changeLog.record(Subject.PERSON, kept.id(), ChangeKind.UPDATED);
	}

	/**
	 * People show their organisations' names, so a rename changes their representation
	 * (and ETag). The search index learns of it from the organisation's own change.
	 */
	@EventListener
	void onOrganisationRenamed(OrganisationRenamed renamed) {
		List<String> ids = people.idsAffiliatedWithAny(List.of(renamed.organisationId()));
		if (!ids.isEmpty()) {
			people.touch(ids, Instant.now(clock));
		}
	}

	/**
	 * Locks the person's row for the rest of the transaction and checks the client's
	 * If-Match.
	 */
	private Person lockedForWrite(String id, String ifMatch) {
		int version = people.lockVersion(id).orElseThrow(() -> people.missing(id));
		ETags.requireMatch(ifMatch, version);
		return people.find(id).orElseThrow();
	}

	private AffiliationInput normalised(AffiliationInput request) {
		AffiliationInput input = checkAffiliation(request);
		if (!organisations.exists(input.organisationId())) {
			throw new InvalidInput("organisationId", "no organisation has this id");
		}
		return input;
	}

	private AffiliationOfPerson afterAffiliationChange(String personId, String affiliationId, AffiliationInput input,
			Instant now) {
		if (input.primary()) {
			people.clearOtherPrimaries(personId, affiliationId);
		}
		people.touch(List.of(personId), now);
		Person person = changed(personId);
		return new AffiliationOfPerson(person.affiliation(affiliationId), person.version());
	}

	/** Logs the change of the person, and reads them as they are now. */
	private Person changed(String id) {
		changeLog.record(Subject.PERSON, id, ChangeKind.UPDATED);
		return people.get(id);
	}

}

package org.pressdesk.merge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.NonNull;

import org.pressdesk.article.Articles;
import org.pressdesk.article.ContactBlockChange;
import org.pressdesk.audit.AuditTrail;
import org.pressdesk.audit.AuditTrail.Action;
import org.pressdesk.audit.AuditTrail.Entity;
import org.pressdesk.person.People;
import org.pressdesk.person.Person;
import org.pressdesk.person.PersonRedirects;
import org.pressdesk.person.PersonRepository;
import org.pressdesk.person.PersonState;
import org.pressdesk.system.Conflict;
import org.pressdesk.system.FieldChecks;
import org.pressdesk.system.Ids;
import org.pressdesk.system.InvalidInput;
import org.pressdesk.system.NotFound;
import org.pressdesk.web.ETags;
import org.pressdesk.web.RequestBodies;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges two records of one person into one, and undoes a merge. Each is one transaction
 * over both people, the articles naming them, the merged id's redirect and the audit
 * trail, so nothing is ever half-merged.
 */
@Service
public class Merges {

	/** How long a merge can be undone. */
	static final Duration UNDOABLE_FOR = Duration.ofDays(30);

	/** A merge done: the merge, and the kept person as they are now. */
	public record Merged(@NonNull Merge merge, @NonNull Person person) {
	}

	/** A merge undone: both people back as they were. */
	public record Undone(@NonNull Merge merge, @NonNull Person kept, @NonNull Person merged) {
	}

	private final People people;

	private final PersonRepository personRepository;

	private final PersonRedirects redirects;

	private final Articles articles;

	private final MergeRepository merges;

	private final RequestBodies bodies;

	private final AuditTrail audit;

	private final Clock clock;

	Merges(People people, PersonRepository personRepository, PersonRedirects redirects, Articles articles,
			MergeRepository merges, RequestBodies bodies, AuditTrail audit, Clock clock) {
		this.people = people;
		this.personRepository = personRepository;
		this.redirects = redirects;
		this.articles = articles;
		this.merges = merges;
		this.bodies = bodies;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Merges {@code request.from()} into the kept person, unless the kept person changed
	 * since {@code ifMatch}: the kept person takes the chosen fields, the other's
	 * affiliations and their places on articles; the other's id redirects to them.
	 */
	@Transactional
	public Merged merge(String keptId, MergeRequest request, String ifMatch) {
		FieldChecks checks = new FieldChecks(bodies.violations(request));
		CombinedPerson.check(request.fields(), checks);
		if (keptId.equals(request.from())) {
			checks.add("from", "is the kept person; merge another person into them");
		}
		checks.throwIfAny();
		Map<String, Person> locked = people.lockAll(List.of(keptId, request.from()));
		Person kept = locked.get(keptId);
		if (kept == null) {
			throw personRepository.missing(keptId);
		}
		ETags.requireMatch(ifMatch, kept.version());
		Person other = locked.get(request.from());
		if (other == null) {
			throw new InvalidInput("from",
					redirects.current(request.from())
						.map(to -> "was merged into " + to + " already")
						.orElse("no person has this id"));
		}
		Map<String, String> equal = CombinedPerson.equalAffiliations(kept, other);
		List<ContactBlockChange> blocks = articles.moveContacts(other.id(), kept.id(), equal);
		Person after = people.absorb(kept, other, CombinedPerson.of(kept.toInput(), other.toInput(), request.fields()),
				equal.keySet());
		Instant now = Instant.now(clock);
		Merge merge = new Merge(Ids.newId(), kept.id(), other.id(), now, AuditTrail.actor(), now.plus(UNDOABLE_FOR),
				null, null);
		merges.insert(new MergeRepository.StoredMerge(merge, PersonState.of(kept), PersonState.of(other),
				PersonState.of(after), blocks));
		redirects.add(other.id(), kept.id(), merge.id());
		audit.recordWithStates(Action.MERGED, Entity.PERSON, kept.id(), "person " + other.id() + " merged into "
				+ kept.id() + " (merge " + merge.id() + ", " + blocks.size() + " article(s))", states(kept, other));
		return new Merged(merge, after);
	}

	/**
	 * Brings both people back exactly as they were before the merge, with their places on
	 * articles; refused (409, saying what changed) when the kept person or one of those
	 * blocks has changed since, when it was undone already, or after
	 * {@link #UNDOABLE_FOR}.
	 */
	@Transactional
	public Undone undo(String mergeId) {
		MergeRepository.StoredMerge stored = merges.lock(mergeId).orElseThrow(() -> new NotFound("merge", mergeId));
		Merge merge = stored.merge();
		Instant now = Instant.now(clock);
		if (merge.undone()) {
			throw new Conflict(
					"This merge was undone already, at " + merge.undoneAt() + " by " + merge.undoneBy() + ".");
		}
		if (!now.isBefore(merge.undoableUntil())) {
			throw new Conflict("A merge can be undone for " + UNDOABLE_FOR.toDays() + " days; this one was made at "
					+ merge.mergedAt() + ".");
		}
		Person kept = people.lockAll(List.of(merge.keptId())).get(merge.keptId());
		if (kept == null) {
			throw new Conflict("The kept person was deleted since the merge; there is no one to take the merged "
					+ "person back from.");
		}
		PersonState after = stored.keptAfter();
		if (kept.version() != after.version()) {
			throw new Conflict(
					kept.displayName() + " changed since the merge (" + String.join(", ", changes(after, kept))
							+ "); undoing it would lose those changes. Undo them first, or keep the merge.");
		}
		people.restore(stored.keptBefore(), stored.mergedBefore());
		articles.restoreContacts(stored.blocks());
		redirects.remove(merge.mergedId());
		merges.markUndone(merge.id(), now, AuditTrail.actor());
		audit.recordWithStates(Action.MERGE_UNDONE, Entity.PERSON, merge.keptId(),
				"merge " + merge.id() + " undone: person " + merge.mergedId() + " back", Map.of("kept", kept));
		return new Undone(merges.find(merge.id()).orElseThrow(), personRepository.get(merge.keptId()),
				personRepository.get(merge.mergedId()));
	}

	public Merge get(String id) {
		return merges.find(id).orElseThrow(() -> new NotFound("merge", id));
	}

	/** The merges into this person that can still be undone, newest first. */
	public List<Merge> undoableInto(String personId) {
		return merges.undoableInto(personId, Instant.now(clock).minus(UNDOABLE_FOR));
	}

	/** The fields of the person that differ from how the merge left them. */
	private List<String> changes(PersonState after, Person now) {
		List<String> changed = new ArrayList<>(audit.changedFields(after.fields(), now.toInput()));
		if (!after.affiliations().equals(now.affiliations())) {
			changed.add("affiliations");
		}
		return changed.isEmpty() ? List.of("its version") : changed;
	}

	private static Map<String, Person> states(Person kept, Person merged) {
		Map<String, Person> states = new LinkedHashMap<>();
		states.put("kept", kept);
		states.put("merged", merged);
		return states;
	}

}

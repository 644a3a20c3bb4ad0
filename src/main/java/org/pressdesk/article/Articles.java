package org.pressdesk.article;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.pressdesk.audit.AuditTrail.Action;
import org.pressdesk.audit.AuditTrail.Entity;
import org.pressdesk.audit.AuditTrail;
import org.pressdesk.changes.ChangeKind;
import org.pressdesk.changes.ChangeLog;
import org.pressdesk.changes.Subject;
import org.pressdesk.person.Person;
import org.pressdesk.person.PersonToBeDeleted;
import org.pressdesk.system.Conflict;
import org.pressdesk.system.FieldChecks;
import org.pressdesk.system.FieldProblem;
import org.pressdesk.system.Ids;
import org.pressdesk.system.InvalidInput;
import org.pressdesk.system.NotFound;
import org.pressdesk.web.Cursor;
import org.pressdesk.web.ETags;
import org.pressdesk.web.Page;
import org.pressdesk.web.RequestBodies;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The changes to articles and their contact blocks, each one transaction. When an article
 * is published, the title and organisation of each contact are kept as they are then ("as
 * published"). Transactions are the injected {@link TransactionTemplate} rather than
 * {@code @Transactional} because a create-or-update by reference retries the whole
 * transaction when a concurrent one took the reference first.
 */
@Service
public class Articles {

	private static final Logger log = LoggerFactory.getLogger(Articles.class);

	private final ArticleRepository articles;

	private final PublicBlockRepository publicBlocks;

	private final ContactBlocks contactBlocks;

	private final RequestBodies bodies;

	private final TransactionTemplate transaction;

	private final AuditTrail audit;

	private final Clock clock;

	private final ChangeLog changeLog;

	private final PressBlocks pressBlocks;

	Articles(ArticleRepository articles, PublicBlockRepository publicBlocks, ContactBlocks contactBlocks,
			RequestBodies bodies, TransactionTemplate transaction, AuditTrail audit, Clock clock, ChangeLog changeLog,
			PressBlocks pressBlocks) {
		this.changeLog = changeLog;
		this.pressBlocks = pressBlocks;
		this.articles = articles;
		this.publicBlocks = publicBlocks;
		this.contactBlocks = contactBlocks;
		this.bodies = bodies;
		this.transaction = transaction;
		this.audit = audit;
		this.clock = clock;
	}

	public Article create(ArticleInput request) {
		return create(request, null);
	}

	/**
	 * A new article, and its contact block when {@code contacts} is given, in one
	 * transaction.
	 */
	public Article create(ArticleInput request, List<ContactInput> contacts) {
		ArticleInput checked = check(request, contacts);
		return retriedWhenTaken(() -> transaction.execute(status -> {
			requireFreeReference(checked.externalRef(), null);
			Article created = insert(checked);
			Article written = contacts == null ? created : writeBlock(created, contacts);
			pressBlocks.recordIfChanged(written, Optional.empty());
			return written;
		}));
	}

	public Article patch(String id, JsonNode patch, String ifMatch) {
		return transaction.execute(status -> {
			Article current = lockedForWrite(id, ifMatch);
			return published(current,
					() -> update(current, check(bodies.merged(current.toInput(), patch, ArticleInput.class))));
		});
	}

	/** The result of a create-or-update: the article, and whether it was created. */
	public record Written(Article article, boolean created) {
	}

	/**
	 * The CMS's idempotent create-or-update by its own reference. Of concurrent first
	 * calls with the same reference, one inserts; the others fail on the unique reference
	 * and are run again, now as updates.
	 */
	public Written putByReference(String externalRef, ArticleInput request, List<ContactInput> contacts,
			String ifMatch) {
		if (request != null && request.externalRef() != null && !request.externalRef().equals(externalRef)) {
			throw new InvalidInput("externalRef", "must be absent or the reference in the address");
		}
		ArticleInput checked = check(
				request == null ? null : new ArticleInput(request.slug(), request.title(), request.summary(),
						request.url(), request.status(), request.publishedAt(), externalRef, request.topics()),
				contacts);
		return retriedWhenTaken(() -> transaction.execute(status -> {
			var existing = articles.lockByExternalRef(externalRef);
			if (existing.isEmpty()) {
				if (ifMatch != null && !ifMatch.isBlank() && !ifMatch.strip().equals("*")) {
					throw new NotFound("article with reference", externalRef);
				}
				Article created = insert(checked);
				Article written = contacts == null ? created : writeBlock(created, contacts);
				pressBlocks.recordIfChanged(written, Optional.empty());
				return new Written(written, true);
			}
			Article current = lockedForWrite(existing.get(), ifMatch);
			// a PUT replaces what the client writes; the address and publication time
			// stay unless given
			ArticleInput input = new ArticleInput(checked.slug() != null ? checked.slug() : current.slug(),
					checked.title(), checked.summary(), checked.url(), checked.status(), checked.publishedAt(),
					externalRef, checked.topics());
			return new Written(published(current, () -> {
				Article updated = update(current, input);
				return contacts == null ? updated : writeBlock(updated, contacts);
			}), false);
		}));
	}

	public Article replaceContacts(String id, List<ContactInput> requested, String ifMatch) {
		return transaction.execute(status -> {
			Article current = lockedForWrite(id, ifMatch);
			return published(current, () -> writeBlock(current, requested));
		});
	}

	/**
	 * Writes the article's contact block, in the caller's transaction, the article
	 * locked. The same block again (a CMS repeating its call) changes nothing, not even
	 * the version.
	 */
	private Article writeBlock(Article article, List<ContactInput> requested) {
		List<StoredContact> contacts = contactBlocks.check(requested);
		List<StoredContact> before = articles.storedContacts(article.id());
		List<StoredContact> stored = article.status() == ArticleStatus.DRAFT ? contacts
				: contactBlocks.asPublished(contacts, before);
		if (stored.equals(before)) {
			return article;
		}
		articles.replaceContacts(article.id(), stored);
		audit.record(Action.UPDATED, Entity.ARTICLE, article.id(), List.of("contacts"), null);
		changeLog.record(Subject.ARTICLE, article.id(), ChangeKind.UPDATED);
		articles.touch(List.of(article.id()), Instant.now(clock));
		return articles.get(article.id());
	}

	/** The article, or {@link NotFound}. */
	public Article get(String id) {
		return articles.get(id);
	}

	/** The published articles, the most recently published first (the home page). */
	public List<Article> recentlyPublished(int limit) {
		return articles.recentlyPublished(limit);
	}

	/** Newest first; see {@code GET /articles}. */
	public Page<Article> list(String q, ArticleStatus status, String cursor, int limit) {
		return articles.list(q, status, null, Cursor.decode(cursor), limit);
	}

	/**
	 * Replaces what a client may write about the article, unless it changed since
	 * {@code ifMatch} (a form).
	 */
	public Article replace(String id, ArticleInput request, String ifMatch) {
		return transaction.execute(status -> {
			Article current = lockedForWrite(id, ifMatch);
			return published(current, () -> update(current, check(request)));
		});
	}

	/**
	 * The public contact block as journalists would see it were the article published
	 * now, read by the public side's own statement (its roles, PUBLIC values only). Where
	 * nothing was taken at publication yet (a draft), each contact shows the title and
	 * organisation chosen for them.
	 */
	public List<PublicBlock.Contact> publicPreview(Article article) {
		Map<String, ArticleContact> chosen = article.contacts()
			.stream()
			.collect(Collectors.toMap(ArticleContact::personId, Function.identity()));
		return publicBlocks.previewContacts(article.id()).stream().map(contact -> {
			ArticleContact choice = chosen.get(contact.person().id());
			if (contact.title() != null || !contact.organisation().isEmpty() || choice == null) {
				return contact;
			}
			return new PublicBlock.Contact(contact.person(), contact.role(), choice.title(),
					choice.organisationName() == null ? List.of() : List.of(choice.organisationName()));
		}).toList();
	}

	/** The articles a person is on, newest first. */
	public List<PersonArticle> appearancesOf(String personId) {
		return articles.articlesOf(personId);
	}

	public void delete(String id, String ifMatch) {
		transaction.executeWithoutResult(status -> {
			Article current = lockedForWrite(id, ifMatch);
			published(current, () -> {
				articles.delete(id);
				changeLog.record(Subject.ARTICLE, id, ChangeKind.DELETED);
				return current;
			});
			audit.record(Action.DELETED, Entity.ARTICLE, id);
		});
	}

	/**
	 * A person named on a published article is not deleted silently: without
	 * {@code force} the deletion is refused; with it, the person leaves every article,
	 * and the log says which.
	 */
	@EventListener
	void onPersonToBeDeleted(PersonToBeDeleted deletion) {
		List<PersonArticle> appearances = articles.articlesOf(deletion.personId());
		List<String> published = appearances.stream()
			.filter(a -> a.status() == ArticleStatus.PUBLISHED)
			.map(PersonArticle::slug)
			.toList();
		if (!published.isEmpty() && !deletion.force()) {
			throw new Conflict("The person is a contact on published articles (" + String.join(", ", published)
					+ "). Take them off those articles first, or delete with force=true to take them off "
					+ "every article as part of the deletion.");
		}
		if (!appearances.isEmpty()) {
			Map<String, Optional<PublicBlock.Shown>> shown = new HashMap<>();
			appearances.stream()
				.filter(a -> a.status() == ArticleStatus.PUBLISHED)
				.forEach(a -> shown.put(a.id(), pressBlocks.shown(a.id())));
			List<String> articleIds = articles.removeFromArticles(deletion.personId());
			articles.touch(articleIds, Instant.now(clock));
			for (String articleId : articleIds) {
				audit.record(Action.UPDATED, Entity.ARTICLE, articleId, List.of("contacts"),
						"person " + deletion.personId() + " deleted" + (deletion.force() ? " with force" : ""));
				changeLog.record(Subject.ARTICLE, articleId, ChangeKind.UPDATED);
				pressBlocks.recordIfChanged(articles.get(articleId), shown.getOrDefault(articleId, Optional.empty()));
			}
			if (!published.isEmpty()) {
				log.info("Person {} deleted with force: taken off the published articles {}", deletion.personId(),
						published);
			}
		}
	}

	/**
	 * Puts {@code keptId} in {@code mergedId}'s place on every article (a merge), keeping
	 * the role, position and what was shown "as published"; where both are on one
	 * article, the kept person's own entry stays and the other's goes. Affiliations of
	 * the merged person that the merge drops (equal to one of the kept person's) are
	 * replaced by theirs.
	 * @return each changed block before and after, which {@link #restoreContacts} takes
	 * back
	 */
	public List<ContactBlockChange> moveContacts(String mergedId, String keptId,
			Map<String, String> replacedAffiliations) {
		List<ContactBlockChange> changes = new ArrayList<>();
		for (String articleId : articles.lockArticlesNaming(List.of(mergedId))) {
			Optional<PublicBlock.Shown> shown = pressBlocks.shown(articleId);
			List<StoredContact> before = articles.storedContacts(articleId);
			boolean keptIsThere = before.stream().anyMatch(contact -> contact.personId().equals(keptId));
			List<StoredContact> after = before.stream()
				.filter(contact -> !(keptIsThere && contact.personId().equals(mergedId)))
				.map(contact -> !contact.personId().equals(mergedId) ? contact
						: new StoredContact(keptId, contact.role(),
								replacedAffiliations.getOrDefault(contact.affiliationId(), contact.affiliationId()),
								contact.publishedTitle(), contact.publishedOrganisation()))
				.toList();
			articles.replaceContacts(articleId, after);
			audit.record(Action.UPDATED, Entity.ARTICLE, articleId, List.of("contacts"),
					"person " + mergedId + " merged into " + keptId);
			changeLog.record(Subject.ARTICLE, articleId, ChangeKind.UPDATED);
			pressBlocks.recordIfChanged(articles.get(articleId), shown);
			changes.add(new ContactBlockChange(articleId, before, after));
		}
		if (!changes.isEmpty()) {
			articles.touch(changes.stream().map(ContactBlockChange::articleId).toList(), Instant.now(clock));
		}
		return changes;
	}

	/**
	 * Gives the blocks a merge changed back what they were (its undo); refused, changing
	 * nothing, when one has changed since. The blocks of articles deleted since are gone
	 * with them.
	 */
	public void restoreContacts(List<ContactBlockChange> changes) {
		if (changes.isEmpty()) {
			return;
		}
		List<String> present = articles.lockExisting(changes.stream().map(ContactBlockChange::articleId).toList());
		List<ContactBlockChange> restored = changes.stream()
			.filter(change -> present.contains(change.articleId()))
			.toList();
		for (ContactBlockChange change : restored) {
			if (!articles.storedContacts(change.articleId()).equals(change.after())) {
				Article article = articles.find(change.articleId()).orElseThrow();
				throw new Conflict("The contacts of the article \"" + article.title() + "\" (" + article.slug()
						+ ") changed since the merge; undoing it would lose that change.");
			}
		}
		for (ContactBlockChange change : restored) {
			Optional<PublicBlock.Shown> shown = pressBlocks.shown(change.articleId());
			articles.replaceContacts(change.articleId(), change.before());
			audit.record(Action.UPDATED, Entity.ARTICLE, change.articleId(), List.of("contacts"), "merge undone");
			changeLog.record(Subject.ARTICLE, change.articleId(), ChangeKind.UPDATED);
			pressBlocks.recordIfChanged(articles.get(change.articleId()), shown);
		}
		articles.touch(restored.stream().map(ContactBlockChange::articleId).toList(), Instant.now(clock));
	}

	private ArticleInput check(ArticleInput request) {
		List<FieldProblem> violations = bodies.violations(request);
		return request.normalised(violations);
	}

	/**
	 * The article checked; when it is refused, with the problems of its block too (the
	 * block is checked again when written, its article locked).
	 */
	private ArticleInput check(ArticleInput request, List<ContactInput> contacts) {
		FieldChecks checks = new FieldChecks();
		ArticleInput checked = checks.check(() -> check(request));
		if (checked == null && contacts != null) {
			checks.check(() -> contactBlocks.check(contacts));
		}
		checks.throwIfAny();
		return checked;
	}

	/**
	 * Inserts the article; a reference already taken ends in the unique key's
	 * DuplicateKeyException.
	 */
	private Article insert(ArticleInput input) {
		String id = Ids.newId();
		String slug = input.slug() != null ? requireFree(input.slug()) : freeSlug(input.slugFromTitle());
		ArticleInput written = withPublication(input, slug, null);
		articles.insert(id, written, Instant.now(clock));
		audit.record(Action.CREATED, Entity.ARTICLE, id);
		changeLog.record(Subject.ARTICLE, id, ChangeKind.CREATED);
		if (written.status() == ArticleStatus.PUBLISHED) {
			changeLog.record(Subject.ARTICLE, id, ChangeKind.PUBLISHED);
		}
		return articles.find(id).orElseThrow();
	}

	private Article update(Article current, ArticleInput input) {
		String slug = input.slug() == null ? current.slug()
				: input.slug().equals(current.slug()) ? current.slug() : requireFree(input.slug());
		requireFreeReference(input.externalRef(), current);
		ArticleInput changed = withPublication(input, slug, current);
		if (changed.equals(current.toInput())) {
			// the CMS repeats itself; the same request twice must not look like a change
			return current;
		}
		articles.update(current.id(), changed, Instant.now(clock));
		// the fields whose stored values changed (a form sends every field)
		audit.record(Action.UPDATED, Entity.ARTICLE, current.id(),
				audit.changedFields(current.toInput(), articles.find(current.id()).orElseThrow().toInput()), null);
		changeLog.record(Subject.ARTICLE, current.id(), ChangeKind.UPDATED);
		if (changed.status() != current.status()
				&& (changed.status() == ArticleStatus.PUBLISHED || current.status() == ArticleStatus.PUBLISHED)) {
			changeLog.record(Subject.ARTICLE, current.id(),
					changed.status() == ArticleStatus.PUBLISHED ? ChangeKind.PUBLISHED : ChangeKind.UNPUBLISHED);
		}
		if (input.status() == ArticleStatus.DRAFT && current.status() != ArticleStatus.DRAFT) {
			// back to a draft: a later publication is a new one, with its own "as
			// published"
			articles.replaceContacts(current.id(),
					articles.storedContacts(current.id())
						.stream()
						.map(c -> new StoredContact(c.personId(), c.role(), c.affiliationId(), null, null))
						.toList());
		}
		else if (input.status() == ArticleStatus.PUBLISHED && current.status() == ArticleStatus.DRAFT) {
			articles.replaceContacts(current.id(),
					contactBlocks.asPublished(articles.storedContacts(current.id()), List.of()));
		}
		return articles.find(current.id()).orElseThrow();
	}

	/**
	 * The input with its slug, and a publication time when it is published without one.
	 */
	private ArticleInput withPublication(ArticleInput input, String slug, Article current) {
		Instant publishedAt = input.publishedAt();
		if (publishedAt == null && current != null) {
			publishedAt = current.publishedAt();
		}
		if (publishedAt == null && input.status() == ArticleStatus.PUBLISHED) {
			publishedAt = Instant.now(clock);
		}
		return new ArticleInput(slug, input.title(), input.summary(), input.url(), input.status(), publishedAt,
				input.externalRef(), input.topics());
	}

	private String requireFree(String slug) {
		if (articles.slugTaken(slug)) {
			throw new Conflict("Another article has the slug \"" + slug + "\"; choose another one.");
		}
		return slug;
	}

	/** The slug, or the first of slug-2, slug-3, ... that no article has. */
	private String freeSlug(String base) {
		String slug = base;
		for (int n = 2; articles.slugTaken(slug); n++) {
			slug = base + "-" + n;
		}
		return slug;
	}

	private void requireFreeReference(String externalRef, Article current) {
		if (externalRef != null && (current == null || !externalRef.equals(current.externalRef()))
				&& articles.lockByExternalRef(externalRef).isPresent()) {
			throw new Conflict("Another article has the external reference \"" + externalRef + "\".");
		}
	}

	/**
	 * A concurrent request took the same slug or reference between our check and our
	 * insert: the unique keys refused it (or InnoDB chose this transaction as a deadlock
	 * victim while several waited on the same key), and the same work run again sees the
	 * other request's row.
	 */
	private static <T> T retriedWhenTaken(Supplier<T> work) {
		for (int attempt = 1;; attempt++) {
			try {
				return work.get();
			}
			catch (DuplicateKeyException | PessimisticLockingFailureException ex) {
				if (attempt == 3) {
					throw ex;
				}
			}
		}
	}

	/**
	 * The article's row locked for the rest of the transaction, after checking the
	 * client's If-Match.
	 */
	/**
	 * Runs a write to a locked article, and records {@code press-block.changed} when what
	 * the public sees of it changed (only a published article, before or after, has a
	 * public block).
	 */
	private Article published(Article current, Supplier<Article> write) {
		Optional<PublicBlock.Shown> before = current.status() == ArticleStatus.PUBLISHED
				? pressBlocks.shown(current.id()) : Optional.empty();
		Article after = write.get();
		pressBlocks.recordIfChanged(after, before);
		return after;
	}

	private Article lockedForWrite(String id, String ifMatch) {
		int version = articles.lockVersion(id).orElseThrow(() -> new NotFound("article", id));
		ETags.requireMatch(ifMatch, version);
		return articles.find(id).orElseThrow();
	}

}

package org.pressdesk.article;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.pressdesk.article.PublicBlockRepository.PublishedArticle;
import org.pressdesk.changes.ChangeKind;
import org.pressdesk.changes.ChangeLog;
import org.pressdesk.changes.Subject;
import org.pressdesk.person.PersonChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records {@code press-block.changed} in the change log whenever what the public sees of
 * a published article's contact block changes (its page and cards), and only then: the
 * article's own fields, its block, a PUBLIC phone of someone on it (an INTERNAL one does
 * not count), a merge or a deletion. Once per article and transaction.
 */
@Component
class PressBlocks {

	private final PublicBlockRepository blocks;

	private final ChangeLog changeLog;

	PressBlocks(PublicBlockRepository blocks, ChangeLog changeLog) {
		this.blocks = blocks;
		this.changeLog = changeLog;
	}

	/** What the public sees of the article now; empty while it is not published. */
	Optional<PublicBlock.Shown> shown(String articleId) {
		return blocks.publicBlockOf(articleId).map(PublicBlock::shown);
	}

	/**
	 * After a write to the article (as it is now, or as it was when deleted): records the
	 * event when what the public sees differs from {@code before}.
	 */
	void recordIfChanged(Article article, Optional<PublicBlock.Shown> before) {
		if (!shown(article.id()).equals(before)) {
			record(new PublishedArticle(article.id(), article.slug(), article.externalRef()));
		}
	}

	/** A person shown on published articles changed what the public sees of them. */
	@EventListener
	void onPersonChanged(PersonChanged changed) {
		if (changed.changedPublicly()) {
			blocks.publishedShowing(changed.after().id()).forEach(this::record);
		}
	}

	private void record(PublishedArticle article) {
		if (recordedInThisTransaction().add(article.id())) {
			Map<String, String> data = new LinkedHashMap<>();
			data.put("articleId", article.id());
			data.put("slug", article.slug());
			data.put("externalRef", article.externalRef());
			changeLog.record(Subject.PRESS_BLOCK, article.id(), ChangeKind.CHANGED, data);
		}
	}

	/** The articles recorded in the current transaction, forgotten when it ends. */
	@SuppressWarnings("unchecked")
	private Set<String> recordedInThisTransaction() {
		Set<String> recorded = (Set<String>) TransactionSynchronizationManager.getResource(this);
		if (recorded == null) {
			Set<String> fresh = new HashSet<>();
			TransactionSynchronizationManager.bindResource(this, fresh);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(PressBlocks.this);
				}
			});
			recorded = fresh;
		}
		return recorded;
	}

}

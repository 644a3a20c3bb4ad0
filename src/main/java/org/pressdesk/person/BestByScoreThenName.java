package org.pressdesk.person;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.util.BytesRef;

/**
 * Collects the best documents by score, then name, then id, after a cursor: the order of
 * relevance of {@link PersonIndex}. Lucene's own collector sorting by score then a field
 * must look at every document that ties with the last of the page, and the scores here
 * are few and tie often (everyone at the Institute of Manufacturing scores the same for
 * "manufacturing"). Here, as a segment's documents are in order of name (the index is
 * sorted so), the first of them to lose a tie to the page's last tells that all later
 * ones of that score lose too: from then on the segment's scorer is asked only for better
 * scores, and skips whole blocks that cannot reach them.
 */
final class BestByScoreThenName implements Collector {

	/** A document's place in the order. */
	record Ranked(float score, BytesRef sortName, BytesRef id, int doc) {
	}

	/** Best first (scores compared unboxed: this runs for every document collected). */
	static final Comparator<Ranked> ORDER = Comparator.comparingDouble(Ranked::score)
		.reversed()
		.thenComparing(Ranked::sortName)
		.thenComparing(Ranked::id);

	private final int size;

	private final Ranked after;

	private final String sortNameField;

	private final String idField;

	/** The page so far, its worst first. */
	private final PriorityQueue<Ranked> page;

	BestByScoreThenName(int size, Ranked after, String sortNameField, String idField) {
		this.size = size;
		this.after = after;
		this.sortNameField = sortNameField;
		this.idField = idField;
		this.page = new PriorityQueue<>(size + 1, ORDER.reversed());
	}

	/** The page, best first. */
	List<Ranked> best() {
		List<Ranked> best = new ArrayList<>(page);
		best.sort(ORDER);
		return best;
	}

	@Override
	public ScoreMode scoreMode() {
		return ScoreMode.TOP_SCORES;
	}

	@Override
	public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
		SortedDocValues sortNames = DocValues.getSorted(context.reader(), sortNameField);
		SortedDocValues ids = DocValues.getSorted(context.reader(), idField);
		return new LeafCollector() {

			private Scorable scorer;

			private float minCompetitiveScore;

			/**
			 * A score whose documents in this segment lose to the page from here on (a
			 * scorer may still hand them in: the minimum is a hint).
			 */
			private float losing = Float.NEGATIVE_INFINITY;

			/**
			 * The best score a document of this segment can have: once the page's last
			 * has it and a document loses to it by name, no later one can enter.
			 */
			private float bestPossible = Float.POSITIVE_INFINITY;

			/**
			 * A score whose documents in this segment come after the cursor from here on.
			 */
			private float pastTheCursor = Float.NaN;

			@Override
			public void setScorer(Scorable scorer) throws IOException {
				this.scorer = scorer;
				if (scorer instanceof Scorer whole) {
					bestPossible = whole.getMaxScore(DocIdSetIterator.NO_MORE_DOCS);
				}
				if (page.size() == size) {
					raiseMinCompetitiveScore(page.peek().score());
				}
			}

			/** Only ever up within a segment, as Lucene's scorers expect. */
			private void raiseMinCompetitiveScore(float score) throws IOException {
				if (score > minCompetitiveScore) {
					minCompetitiveScore = score;
					scorer.setMinCompetitiveScore(score);
				}
			}

			@Override
			public void collect(int doc) throws IOException {
				float score = scorer.score();
				if (score <= losing) {
					return;
				}
				Ranked ranked = null;
				if (after != null && score >= after.score() && score != pastTheCursor) {
					if (score > after.score()) {
						return;
					}
					ranked = ranked(doc, score);
					if (ORDER.compare(ranked, after) <= 0) {
						return;
					}
					pastTheCursor = score;
				}
				if (page.size() == size) {
					Ranked worst = page.peek();
					if (score < worst.score()) {
						return;
					}
					if (score == worst.score()) {
						ranked = ranked == null ? ranked(doc, score) : ranked;
						if (ORDER.compare(ranked, worst) > 0) {
							// later documents of this segment come after this one by name
							if (score >= bestPossible) {
								throw new CollectionTerminatedException();
							}
							losing = score;
							raiseMinCompetitiveScore(Math.nextUp(score));
							return;
						}
					}
				}
				page.add(ranked == null ? ranked(doc, score) : ranked);
				if (page.size() > size) {
					page.poll();
				}
				if (page.size() == size) {
					raiseMinCompetitiveScore(page.peek().score());
				}
			}

			private Ranked ranked(int doc, float score) throws IOException {
				return new Ranked(score, valueOf(sortNames, doc), valueOf(ids, doc), context.docBase + doc);
			}

		};
	}

	private static BytesRef valueOf(SortedDocValues values, int doc) throws IOException {
		return values.advanceExact(doc) ? BytesRef.deepCopyOf(values.lookupOrd(values.ordValue())) : new BytesRef();
	}

}

package org.pressdesk.person;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.NamedMatches;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

import org.pressdesk.organisation.OrganisationRepository.Link;
import org.pressdesk.system.InvalidInput;
import org.pressdesk.text.Folding;
import org.pressdesk.web.Cursor;
import org.pressdesk.web.Page;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The people as search finds them: one Lucene document per person, in this instance's
 * memory, built from the database and kept current from the change log
 * ({@link PersonIndexFollower}). The database stays the only source of truth; a lost
 * index costs a rebuild.
 * <p>
 * Ranking is by rules, not by word statistics, so that a person's score depends on their
 * own document and the query only (and a cursor stays valid while others change): each
 * query word scores the best way it matches ({@link MatchedOn}, strongest first) — in a
 * name exactly, as a prefix, with a typo, by sound or as a nickname; then email and
 * phone; then the current organisations (with everything above them), titles and
 * departments; then topics; then past affiliations — and a person must match every word.
 */
@Component
class PersonIndex implements DisposableBean {

	static final String ID = "id";

	private static final String SORT_NAME = "sortName";

	private static final String NAME = "name";

	private static final String NAME_SOUND = "nameSound";

	private static final String ORGANISATION = "organisation";

	private static final String TITLE = "title";

	private static final String TOPIC = "topic";

	private static final String EMAIL = "email";

	private static final String EMAIL_ADDRESS = "emailAddress";

	private static final String PHONE = "phone";

	private static final String PAST = "past";

	/** The current organisations and those above them, for the organisation filter. */
	private static final String ORGANISATION_ID = "organisationId";

	private static final String TOPIC_KEY = "topicKey";

	/** Marks a cursor of results in order of relevance. */
	private static final String BY_SCORE = "\u0001";

	/**
	 * What a query word matched, strongest first; a result lists what its words matched.
	 */
	enum MatchedOn {

		NAME("name"), SIMILAR_NAME("a name spelt alike"), NAME_SOUNDING_ALIKE("a name that sounds alike"),
		NICKNAME("a nickname"), EMAIL("email"), PHONE("phone"), ORGANISATION("organisation"), TITLE("title"),
		TOPIC("topic"), PAST_AFFILIATION("a past affiliation");

		private final String label;

		MatchedOn(String label) {
			this.label = label;
		}

		String label() {
			return label;
		}

	}

	/**
	 * A result: the person's id and why they matched (nothing, when no words were asked).
	 */
	record Hit(String id, Set<MatchedOn> matchedOn) {
	}

	private final SearchTerms terms;

	private final Directory directory = new ByteBuffersDirectory();

	private final IndexWriter writer;

	private final SearcherManager searchers;

	private final CountDownLatch built = new CountDownLatch(1);

	private volatile PersonSearch.IndexStatus buildStatus = new PersonSearch.IndexStatus(false, 0, 0, 0);

	PersonIndex(SearchTerms terms) throws IOException {
		this.terms = terms;
		this.writer = new IndexWriter(directory, new IndexWriterConfig().setRAMBufferSizeMB(64));
		this.searchers = new SearcherManager(writer, null);
	}

	/**
	 * Adds or replaces these people's documents; seen by searches after {@link #refresh}.
	 */
	void put(Collection<Person> people, Map<String, List<Link>> chains, LocalDate today) {
		try {
			for (Person person : people) {
				writer.updateDocument(new Term(ID, person.id()), documentOf(person, chains, today));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void remove(Collection<String> ids) {
		try {
			writer.deleteDocuments(ids.stream().map(id -> new Term(ID, id)).toArray(Term[]::new));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Empties the index, for a rebuild. */
	void clear() {
		try {
			writer.deleteAll();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Makes what was put and removed visible to searches. */
	void refresh() {
		try {
			searchers.maybeRefreshBlocking();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Marks the index as built: searches no longer wait for it. */
	void markBuilt(int people, long millis) {
		refresh();
		buildStatus = new PersonSearch.IndexStatus(true, people, millis, size());
		built.countDown();
	}

	PersonSearch.IndexStatus status() {
		return buildStatus;
	}

	boolean isBuilt() {
		return built.getCount() == 0;
	}

	/** The memory the index takes, in bytes. */
	long size() {
		try {
			long bytes = 0;
			for (String file : directory.listAll()) {
				bytes += directory.fileLength(file);
			}
			return bytes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One page of results, most relevant first or in order of name. */
	Page<Hit> search(PersonQuery query, Duration wait) {
		List<SearchTerms.QueryWord> words = terms.ofQuery(query.text());
		Query lucene = queryOf(words, query.organisationIds(), query.topic());
		boolean byScore = query.order() == PersonQuery.Order.RELEVANCE && !words.isEmpty();
		Sort sort = byScore ? new Sort(SortField.FIELD_SCORE, sortByName(), sortById())
				: new Sort(sortByName(), sortById());
		return withSearcher(wait, searcher -> {
			// equal sort values end in the id, so only the last result itself compares
			// equal
			// and the largest document number leaves it out
			FieldDoc after = afterOf(query.after(), byScore, searcher.getIndexReader().maxDoc() - 1);
			TopFieldDocs top = after == null ? searcher.search(lucene, query.limit() + 1, sort, byScore)
					: searcher.searchAfter(after, lucene, query.limit() + 1, sort, byScore);
			List<ScoreDoc> docs = List.of(top.scoreDocs);
			Weight weight = words.isEmpty() ? null
					: searcher.createWeight(searcher.rewrite(lucene), ScoreMode.COMPLETE_NO_SCORES, 1);
			List<Hit> hits = new ArrayList<>();
			for (ScoreDoc doc : docs.subList(0, Math.min(docs.size(), query.limit()))) {
				hits.add(new Hit(idOf((FieldDoc) doc),
						weight == null ? Set.of() : matchedOn(searcher, weight, doc.doc)));
			}
			if (docs.size() <= query.limit()) {
				return new Page<>(hits, null);
			}
			return new Page<>(hits, cursorAfter((FieldDoc) docs.get(query.limit() - 1), byScore).encode());
		});
	}

	/** The ids of everyone matching, in order of id (an export's). */
	List<String> allIds(PersonQuery query, Duration wait) {
		Query lucene = queryOf(terms.ofQuery(query.text()), query.organisationIds(), query.topic());
		return withSearcher(wait, searcher -> {
			int everyone = Math.max(1, searcher.getIndexReader().numDocs());
			TopFieldDocs top = searcher.search(lucene, everyone, new Sort(sortById()));
			return Stream.of(top.scoreDocs).map(doc -> idOf((FieldDoc) doc)).toList();
		});
	}

	private interface Search<T> {

		T in(IndexSearcher searcher) throws IOException;

	}

	private <T> T withSearcher(Duration wait, Search<T> search) {
		try {
			if (!built.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new SearchIndexNotReady();
			}
			IndexSearcher searcher = searchers.acquire();
			try {
				return search.in(searcher);
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SearchIndexNotReady();
		}
	}

	private Document documentOf(Person person, Map<String, List<Link>> chains, LocalDate today) {
		Document doc = new Document();
		doc.add(new StringField(ID, person.id(), Store.YES));
		doc.add(new SortedDocValuesField(ID, new BytesRef(person.id())));
		doc.add(new SortedDocValuesField(SORT_NAME, new BytesRef(person.sortName() == null ? "" : person.sortName())));
		PersonName name = person.name();
		Set<String> names = new LinkedHashSet<>();
		Stream
			.of(name.honorificPrefix(), name.givenName(), name.additionalNames(), name.familyName(),
					name.honorificSuffix(), name.displayName(), name.phoneticGivenName(), name.phoneticFamilyName(),
					name.reading())
			.forEach(part -> names.addAll(terms.nameWords(part)));
		add(doc, NAME, names);
		names.forEach(word -> add(doc, NAME_SOUND, terms.sounds(word)));
		for (Email email : person.emails()) {
			add(doc, EMAIL_ADDRESS, Set.of(SearchTerms.address(email.value())));
			add(doc, EMAIL, terms.words(email.value().replace('@', ' ')));
			add(doc, EMAIL, terms.words(email.value()));
		}
		for (Phone phone : person.phones()) {
			add(doc, PHONE, terms.phoneRuns(phone.value()));
		}
		for (String topic : person.topics()) {
			add(doc, TOPIC, terms.words(topic));
			add(doc, TOPIC_KEY, Set.of(Folding.fold(topic.strip())));
		}
		for (Affiliation affiliation : person.affiliations()) {
			boolean current = affiliation.isCurrentOn(today);
			List<Link> chain = chains.getOrDefault(affiliation.organisationId(),
					List.of(new Link(affiliation.organisationId(), affiliation.organisationName(),
							affiliation.organisationShortName(), null)));
			for (Link link : chain) {
				add(doc, current ? ORGANISATION : PAST, terms.words(link.name()));
				add(doc, current ? ORGANISATION : PAST, terms.words(link.shortName()));
				if (current) {
					add(doc, ORGANISATION_ID, Set.of(link.id()));
				}
			}
			add(doc, current ? TITLE : PAST, terms.words(affiliation.title()));
			add(doc, current ? TITLE : PAST, terms.words(affiliation.department()));
		}
		return doc;
	}

	private static void add(Document doc, String field, Set<String> values) {
		values.forEach(value -> doc.add(new StringField(field, value, Store.NO)));
	}

	private Query queryOf(List<SearchTerms.QueryWord> words, List<String> organisationIds, String topic) {
		if (words.isEmpty() && organisationIds == null && (topic == null || topic.isBlank())) {
			return new MatchAllDocsQuery();
		}
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		for (int i = 0; i < words.size(); i++) {
			query.add(matching(i, words.get(i)), Occur.MUST);
		}
		if (words.isEmpty()) {
			query.add(new MatchAllDocsQuery(), Occur.MUST);
		}
		if (organisationIds != null) {
			BooleanQuery.Builder anyOf = new BooleanQuery.Builder();
			organisationIds.forEach(id -> anyOf.add(new TermQuery(new Term(ORGANISATION_ID, id)), Occur.SHOULD));
			query.add(organisationIds.isEmpty() ? new MatchNoDocsQuery() : anyOf.build(), Occur.FILTER);
		}
		if (topic != null && !topic.isBlank()) {
			query.add(new TermQuery(new Term(TOPIC_KEY, Folding.fold(topic.strip()))), Occur.FILTER);
		}
		return query.build();
	}

	/** The ways a word may match, each scoring its weight; the word scores the best. */
	private Query matching(int wordIndex, SearchTerms.QueryWord word) {
		List<Way> ways = new ArrayList<>();
		switch (word.kind()) {
			case PHONE -> word.forms().forEach(digits -> ways.add(way(MatchedOn.PHONE, 50, prefix(PHONE, digits))));
			case EMAIL -> ways.add(way(MatchedOn.EMAIL, 80, prefix(EMAIL_ADDRESS, word.text())));
			case TEXT -> {
				String text = word.text();
				ways.add(way(MatchedOn.NAME, 100, term(NAME, text)));
				ways.add(way(MatchedOn.NAME, 60, prefix(NAME, text)));
				typo(NAME, text).ifPresent(typo -> ways.add(way(MatchedOn.SIMILAR_NAME, 40, typo)));
				terms.sounds(text)
					.forEach(sound -> ways.add(way(MatchedOn.NAME_SOUNDING_ALIKE, 30, term(NAME_SOUND, sound))));
				terms.nicknamesOf(text)
					.forEach(nickname -> ways.add(way(MatchedOn.NICKNAME, 35, term(NAME, nickname))));
				ways.add(way(MatchedOn.EMAIL, 10, term(EMAIL, text)));
				ways.add(way(MatchedOn.EMAIL, 6, prefix(EMAIL, text)));
				if (word.isDigits() && text.length() >= SearchTerms.PHONE_RUN) {
					ways.add(way(MatchedOn.PHONE, 50, prefix(PHONE, text)));
				}
				addWordWays(ways, MatchedOn.ORGANISATION, ORGANISATION, text, 12);
				addWordWays(ways, MatchedOn.TITLE, TITLE, text, 10);
				addWordWays(ways, MatchedOn.TOPIC, TOPIC, text, 10);
				addWordWays(ways, MatchedOn.PAST_AFFILIATION, PAST, text, 3);
			}
		}
		// each way named for the explanation of a result: which word, how, with what
		// weight
		return new DisjunctionMaxQuery(ways.stream()
			.map(way -> NamedMatches.wrapQuery(wordIndex + "/" + way.matchedOn().name() + "/" + way.weight(),
					new BoostQuery(new ConstantScoreQuery(way.query()), way.weight())))
			.toList(), 0);
	}

	/** One way a word may match a person, and what it scores. */
	private record Way(MatchedOn matchedOn, float weight, Query query) {
	}

	/**
	 * Exactly, as a prefix, and with a typo: the full weight, two thirds, and two fifths.
	 */
	private void addWordWays(List<Way> ways, MatchedOn matchedOn, String field, String text, int weight) {
		ways.add(way(matchedOn, weight, term(field, text)));
		ways.add(way(matchedOn, weight * 2 / 3f, prefix(field, text)));
		typo(field, text).ifPresent(typo -> ways.add(way(matchedOn, weight * 2 / 5f, typo)));
	}

	private static Way way(MatchedOn matchedOn, float weight, Query query) {
		return new Way(matchedOn, weight, query);
	}

	private static Query term(String field, String text) {
		return new TermQuery(new Term(field, text));
	}

	private static Query prefix(String field, String text) {
		return new PrefixQuery(new Term(field, text));
	}

	/**
	 * Typos as the engines people know allow them: one edit in a word of five letters or
	 * more, two in nine or more (a swap of neighbours is one).
	 */
	private static java.util.Optional<Query> typo(String field, String text) {
		int length = text.codePointCount(0, text.length());
		if (length < 5) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(new FuzzyQuery(new Term(field, text), length >= 9 ? 2 : 1, 0, 50, true));
	}

	/** For each word of the query, the way it matched that scored most. */
	private static Set<MatchedOn> matchedOn(IndexSearcher searcher, Weight weight, int doc) throws IOException {
		List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
		LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
		Matches matches = weight.matches(leaf, doc - leaf.docBase);
		Map<String, String[]> bestOfWord = new HashMap<>();
		if (matches != null) {
			for (NamedMatches named : NamedMatches.findNamedMatches(matches)) {
				String[] way = named.getName().split("/");
				bestOfWord.merge(way[0], way,
						(best, other) -> Float.parseFloat(other[2]) > Float.parseFloat(best[2]) ? other : best);
			}
		}
		Set<MatchedOn> matchedOn = EnumSet.noneOf(MatchedOn.class);
		bestOfWord.values().forEach(way -> matchedOn.add(MatchedOn.valueOf(way[1])));
		return matchedOn;
	}

	private static SortField sortByName() {
		return new SortField(SORT_NAME, SortField.Type.STRING);
	}

	private static SortField sortById() {
		return new SortField(ID, SortField.Type.STRING);
	}

	private static String idOf(FieldDoc doc) {
		return ((BytesRef) doc.fields[doc.fields.length - 1]).utf8ToString();
	}

	/**
	 * A cursor holds the last result's sort values (score, name, id): the page after it
	 * starts there whatever was added or removed meanwhile.
	 */
	private static Cursor cursorAfter(FieldDoc last, boolean byScore) {
		String sortName = ((BytesRef) last.fields[byScore ? 1 : 0]).utf8ToString();
		return new Cursor(byScore ? BY_SCORE + last.fields[0] + BY_SCORE + sortName : sortName, idOf(last));
	}

	private static FieldDoc afterOf(Cursor cursor, boolean byScore, int lastDoc) {
		if (cursor == null) {
			return null;
		}
		BytesRef id = new BytesRef(cursor.id());
		if (!byScore) {
			if (cursor.sortKey().startsWith(BY_SCORE)) {
				throw notACursorOfThisOrder();
			}
			return new FieldDoc(lastDoc, Float.NaN, new Object[] { new BytesRef(cursor.sortKey()), id });
		}
		String[] parts = cursor.sortKey().split(BY_SCORE, 3);
		if (parts.length != 3 || !parts[0].isEmpty()) {
			throw notACursorOfThisOrder();
		}
		try {
			float score = Float.parseFloat(parts[1]);
			return new FieldDoc(lastDoc, score, new Object[] { score, new BytesRef(parts[2]), id });
		}
		catch (NumberFormatException ex) {
			throw notACursorOfThisOrder();
		}
	}

	private static InvalidInput notACursorOfThisOrder() {
		return new InvalidInput("cursor", "is not a cursor of this order of results (sort)");
	}

	@Override
	public void destroy() throws IOException {
		searchers.close();
		writer.close();
		directory.close();
	}

}

package org.pressdesk.person;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.NamedMatches;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.BooleanSimilarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOFunction;
import org.apache.lucene.util.StringHelper;
import org.apache.lucene.util.automaton.CompiledAutomaton;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

import org.pressdesk.organisation.OrganisationRepository.Link;
import org.pressdesk.person.BestByScoreThenName.Ranked;
import org.pressdesk.system.InvalidInput;
import org.pressdesk.text.Folding;
import org.pressdesk.web.Cursor;
import org.pressdesk.web.Page;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The people as search finds them: one Lucene document per person, in files of this
 * instance's own mapped into memory, built from the database and kept current from the
 * change log ({@link PersonIndexFollower}). The database stays the only source of truth;
 * a lost index costs a rebuild.
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

	private static final String ID = "id";

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

	/**
	 * The words of ORGANISATION, TITLE, TOPIC and EMAIL together, which weigh the same: a
	 * search scores one field instead of four (measured: each field's ways of matching
	 * were most of a search's time), and only the page's results are then asked which
	 * field matched.
	 */
	private static final String ABOUT = "about";

	/** The current organisations and those above them, for the organisation filter. */
	private static final String ORGANISATION_ID = "organisationId";

	private static final String TOPIC_KEY = "topicKey";

	/** What records of one person tend to share ({@link SameKeys}). */
	private static final String SAME = "same";

	/**
	 * The person as found, so that a page of results is answered from memory, not read
	 * again from the database (measured: the read was a third of a search's time).
	 */
	private static final String STORED = "person";

	/** The person's card as a bulk export writes it ({@link ExportCards}). */
	private static final String EXPORT_CARD = "exportCard";

	/**
	 * The person as the API writes them ({@link PersonJson}). In doc values, which are
	 * not compressed, unlike stored fields: reading a stored person decompresses the
	 * block of several people it sits in (measured: 60 % of what a search allocated).
	 */
	private static final String API_JSON = "apiJson";

	/**
	 * The stored person as its records are, every component by name: without the API's
	 * annotations (an unwrapped name, fields it leaves out), which shape JSON for
	 * clients.
	 */
	private static final JsonMapper STORED_FORM = JsonMapper.builder().disable(MapperFeature.USE_ANNOTATIONS).build();

	/**
	 * The fields a search scores by, each with a field of its words' beginnings
	 * ({@value #PREFIXES}): a word typed so far is one term to look up, not a range of
	 * them. They are scored as they are weighted (BooleanSimilarity: a match scores its
	 * query's boost), and with their frequencies indexed Lucene knows, for each block of
	 * documents, the best score one could reach: blocks that cannot reach the page are
	 * skipped (measured: what made common words cheap).
	 */
	private static final Set<String> SCORED = Set.of(NAME, NAME_SOUND, ABOUT, PAST);

	private static final Set<String> PREFIXED = Set.of(NAME, ABOUT, PAST);

	private static final String PREFIXES = "Prefixes";

	private static final FieldType SCORED_WORD = scoredWord();

	private static FieldType scoredWord() {
		FieldType type = new FieldType();
		type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
		type.setOmitNorms(true);
		type.setTokenized(false);
		type.freeze();
		return type;
	}

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
	 * A result: the person as the index holds them, and why they matched (nothing, when
	 * no words were asked).
	 */
	record Hit(Person person, Set<MatchedOn> matchedOn) {
	}

	private final SearchTerms terms;

	/**
	 * The index's files, in a directory of this instance's own that lives as long as it
	 * does: memory-mapped, so that they sit in the operating system's page cache and not
	 * in the heap (measured: an index of 100,000 people held in the heap did not fit the
	 * 256 MB the export runs in).
	 */
	private final Path files;

	private static final String FILES_PREFIX = "pressdesk-search-index-";

	private final Directory directory;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	private final ExportCards exportCards;

	/** The API's JSON, as the web layer writes it. */
	private final JsonMapper apiJson;

	private final CountDownLatch built = new CountDownLatch(1);

	private volatile PersonSearch.IndexStatus buildStatus = new PersonSearch.IndexStatus(false, 0, 0, 0);

	PersonIndex(SearchTerms terms, ExportCards exportCards, JsonMapper apiJson) throws IOException {
		this.terms = terms;
		this.exportCards = exportCards;
		this.apiJson = apiJson;
		Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
		removeAbandoned(temporary);
		this.files = Files.createTempDirectory(temporary, FILES_PREFIX);
		this.directory = new MMapDirectory(files);
		// documents kept in order of name: among equal scores the first met sort first,
		// so a page stops replacing its candidates early (measured: keeping the page's
		// candidates in order was a quarter of a search's time)
		this.writer = new IndexWriter(directory,
				new IndexWriterConfig().setSimilarity(new BooleanSimilarity())
					.setRAMBufferSizeMB(32)
					.setIndexSort(new Sort(sortByName(), sortById())));
		this.searchers = new SearcherManager(writer, new SearcherFactory() {
			@Override
			public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
				IndexSearcher searcher = new IndexSearcher(reader);
				searcher.setSimilarity(new BooleanSimilarity());
				return searcher;
			}
		});
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

	/**
	 * Marks the index as built: searches no longer wait for it. The segments the build
	 * wrote (one per 32 MB of buffer, seven for 100,000 people) are then merged into one
	 * by Lucene's merge threads, as searches go on: every search looks words up once per
	 * segment.
	 */
	void markBuilt(int people, long millis) {
		refresh();
		buildStatus = new PersonSearch.IndexStatus(true, people, millis, size());
		built.countDown();
		try {
			writer.forceMerge(1, false);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	PersonSearch.IndexStatus status() {
		return buildStatus;
	}

	boolean isBuilt() {
		return built.getCount() == 0;
	}

	/**
	 * Whether the index can still be written: Lucene closes its writer for good after a
	 * failure it cannot recover from (out of memory); a restart rebuilds it.
	 */
	boolean isBroken() {
		return !writer.isOpen();
	}

	/** The size of the index's files (mapped into memory), in bytes. */
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

	/**
	 * One page of results, most relevant first or in order of name: the people, and when
	 * the query asks, why each matched.
	 */
	Page<Hit> search(PersonQuery query, Duration wait) {
		return search(query, wait, (searcher, words, shown) -> {
			// why each result matched: the same words, a way of matching per field, asked
			// of the page's documents only
			Weight weight = words.isEmpty() || !query.explained() ? null
					: searcher.createWeight(searcher.rewrite(
							queryOf(words, query.organisationIds(), query.topic(), searcher.getIndexReader(), true)),
							ScoreMode.COMPLETE_NO_SCORES, 1);
			List<Hit> hits = new ArrayList<>();
			StoredFields stored = searcher.storedFields();
			for (Ranked ranked : shown) {
				Person person = storedPerson(stored, ranked.doc());
				hits.add(new Hit(person, weight == null ? Set.of() : matchedOn(searcher, weight, ranked.doc())));
			}
			return hits;
		});
	}

	/** {@link #search} as the API writes it: each person's JSON as the index keeps it. */
	Page<PersonJson> searchJson(PersonQuery query, Duration wait) {
		return search(query, wait, (searcher, words, shown) -> inIndexOrder(searcher.getIndexReader(),
				shown.stream().mapToInt(Ranked::doc).toArray(), PersonIndex::apiJson));
	}

	/**
	 * A segment's people as the API writes them: one reader of doc values for the segment
	 * (it holds a buffer as long as the longest value).
	 */
	private static SegmentValues<PersonJson> apiJson(LeafReader segment) throws IOException {
		BinaryDocValues json = DocValues.getBinary(segment, API_JSON);
		return doc -> {
			if (!json.advanceExact(doc)) {
				throw new IllegalStateException("A person of the search index has no " + API_JSON);
			}
			BytesRef value = json.binaryValue();
			return new PersonJson(Arrays.copyOfRange(value.bytes, value.offset, value.offset + value.length));
		};
	}

	/** What a page shows of the documents it found. */
	private interface Shown<T> {

		List<T> of(IndexSearcher searcher, List<SearchTerms.QueryWord> words, List<Ranked> shown) throws IOException;

	}

	private <T> Page<T> search(PersonQuery query, Duration wait, Shown<T> shown) {
		List<SearchTerms.QueryWord> words = terms.ofQuery(query.text());
		boolean byScore = query.order() == PersonQuery.Order.RELEVANCE && !words.isEmpty();
		return withSearcher(wait, searcher -> {
			Query lucene = queryOf(words, query.organisationIds(), query.topic(), searcher.getIndexReader());
			List<Ranked> found = byScore ? bestByScore(searcher, lucene, query) : bestByName(searcher, lucene, query);
			List<T> items = shown.of(searcher, words, found.subList(0, Math.min(found.size(), query.limit())));
			if (found.size() <= query.limit()) {
				return new Page<>(items, null);
			}
			return new Page<>(items, cursorAfter(found.get(query.limit() - 1), byScore).encode());
		});
	}

	/** The page in order of relevance, then name. */
	private static List<Ranked> bestByScore(IndexSearcher searcher, Query query, PersonQuery asked) throws IOException {
		Ranked after = afterOf(asked.after(), true);
		BestByScoreThenName best = new BestByScoreThenName(asked.limit() + 1, after, SORT_NAME, ID);
		searcher.search(query, best);
		return best.best();
	}

	/**
	 * The page in order of name: the index's own order, so Lucene stops reading a segment
	 * once it has the page.
	 */
	private static List<Ranked> bestByName(IndexSearcher searcher, Query query, PersonQuery asked) throws IOException {
		Ranked after = afterOf(asked.after(), false);
		Sort byName = new Sort(sortByName(), sortById());
		// the sort ends in the id: only the last result itself compares equal, and the
		// largest document number leaves it out
		TopDocs top = after == null ? searcher.search(query, asked.limit() + 1, byName)
				: searcher.searchAfter(new FieldDoc(searcher.getIndexReader().maxDoc() - 1, Float.NaN,
						new Object[] { after.sortName(), after.id() }), query, asked.limit() + 1, byName);
		List<Ranked> found = new ArrayList<>();
		for (ScoreDoc doc : top.scoreDocs) {
			Object[] fields = ((FieldDoc) doc).fields;
			found.add(new Ranked(0, (BytesRef) fields[0], (BytesRef) fields[1], doc.doc));
		}
		return found;
	}

	/**
	 * Everyone matching, in order of name, a batch at a time: an export's people, as
	 * stored in one point-in-time view of the index, so that a long export is consistent
	 * and the database is not asked for the whole directory.
	 */
	void forEachBatch(PersonQuery query, int batchSize, Duration wait, Consumer<List<Person>> batches) {
		forEachStored(query, batchSize, wait, STORED, bytes -> STORED_FORM.readValue(bytes, Person.class), batches);
	}

	/** Everyone matching, in order of name: their cards as a bulk export writes them. */
	void forEachExportCard(PersonQuery query, Duration wait, Consumer<byte[]> cards) {
		forEachStored(query, 1000, wait, EXPORT_CARD, bytes -> bytes, batch -> batch.forEach(cards));
	}

	private <T> void forEachStored(PersonQuery query, int batchSize, Duration wait, String field,
			Function<byte[], T> read, Consumer<List<T>> batches) {
		List<SearchTerms.QueryWord> words = terms.ofQuery(query.text());
		withSearcher(wait, searcher -> {
			Query lucene = queryOf(words, query.organisationIds(), query.topic(), searcher.getIndexReader());
			int everyone = Math.max(1, searcher.getIndexReader().numDocs());
			int[] found = Stream.of(searcher.search(lucene, everyone, new Sort(sortByName(), sortById())).scoreDocs)
				.mapToInt(hit -> hit.doc)
				.toArray();
			for (int from = 0; from < found.length; from += batchSize) {
				batches.accept(inIndexOrder(searcher.getIndexReader(),
						Arrays.copyOfRange(found, from, Math.min(found.length, from + batchSize)),
						stored(field, read)));
			}
			return null;
		});
	}

	/**
	 * A stored field of a segment's documents: one reader of stored values for the
	 * segment, made for reading on in order (a block is decompressed once, not once per
	 * person).
	 */
	private static <T> IOFunction<LeafReader, SegmentValues<T>> stored(String field, Function<byte[], T> read) {
		return segment -> {
			StoredFields stored = segment instanceof CodecReader codec ? codec.getFieldsReader().getMergeInstance()
					: segment.storedFields();
			return doc -> {
				DocumentStoredFieldVisitor visitor = new DocumentStoredFieldVisitor(field);
				stored.document(doc, visitor);
				return read.apply(visitor.getDocument().getBinaryValue(field).bytes);
			};
		};
	}

	/** A value of a segment's document (its number in the segment). */
	private interface SegmentValues<T> {

		T of(int doc) throws IOException;

	}

	/**
	 * A value of each of these documents, in their order, read segment by segment and
	 * forwards within each, with one reader per segment made by {@code open}: doc values
	 * can only be read forwards, and stored fields read so decompress each block once.
	 */
	private static <T> List<T> inIndexOrder(IndexReader reader, int[] docs,
			IOFunction<LeafReader, SegmentValues<T>> open) throws IOException {
		List<LeafReaderContext> leaves = reader.leaves();
		Map<Integer, T> values = new HashMap<>();
		int segment = -1;
		SegmentValues<T> valueOf = null;
		for (int doc : IntStream.of(docs).sorted().toArray()) {
			int leaf = ReaderUtil.subIndex(doc, leaves);
			if (leaf != segment) {
				segment = leaf;
				valueOf = open.apply(leaves.get(leaf).reader());
			}
			values.put(doc, valueOf.of(doc - leaves.get(leaf).docBase));
		}
		return IntStream.of(docs).mapToObj(values::get).toList();
	}

	private static Person storedPerson(StoredFields stored, int doc) throws IOException {
		return STORED_FORM.readValue(stored.document(doc, Set.of(STORED)).getBinaryValue(STORED).bytes, Person.class);
	}

	/**
	 * The keys ({@link SameKeys}) that 2 to {@code mostPeople} people share, with those
	 * people as the index holds them: one pass over the keys' terms. A key shared by more
	 * is not evidence that they are one (a press office's shared address).
	 */
	PersonSearch.SharedKeys sharedKeys(int mostPeople, Duration wait) {
		return withSearcher(wait, searcher -> {
			IndexReader reader = searcher.getIndexReader();
			Map<String, List<Integer>> shared = new LinkedHashMap<>();
			Terms keys = MultiTerms.getTerms(reader, SAME);
			if (keys != null) {
				Bits live = MultiBits.getLiveDocs(reader);
				TermsEnum key = keys.iterator();
				PostingsEnum docs = null;
				for (BytesRef term = key.next(); term != null; term = key.next()) {
					if (key.docFreq() < 2) {
						continue;
					}
					docs = key.postings(docs, PostingsEnum.NONE);
					List<Integer> holders = new ArrayList<>();
					for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS
							&& holders.size() <= mostPeople; doc = docs.nextDoc()) {
						if (live == null || live.get(doc)) {
							holders.add(doc);
						}
					}
					if (holders.size() >= 2 && holders.size() <= mostPeople) {
						shared.put(term.utf8ToString(), holders);
					}
				}
			}
			StoredFields stored = reader.storedFields();
			Map<Integer, Person> people = new HashMap<>();
			List<PersonSearch.SharedKey> found = new ArrayList<>();
			for (Map.Entry<String, List<Integer>> entry : shared.entrySet()) {
				List<Person> holders = new ArrayList<>();
				for (int doc : entry.getValue()) {
					Person person = people.get(doc);
					if (person == null) {
						person = storedPerson(stored, doc);
						people.put(doc, person);
					}
					holders.add(person);
				}
				found.add(sharedKey(entry.getKey(), holders));
			}
			return new PersonSearch.SharedKeys(((DirectoryReader) reader).getVersion(), found);
		});
	}

	/**
	 * The keys this person shares with 1 to {@code mostPeople - 1} others, with those
	 * people: {@link #sharedKeys} for one person, a few lookups.
	 */
	List<PersonSearch.SharedKey> sharedKeysOf(String personId, int mostPeople, Duration wait) {
		return withSearcher(wait, searcher -> {
			TopDocs self = searcher.search(new TermQuery(new Term(ID, personId)), 1);
			if (self.scoreDocs.length == 0) {
				return List.of();
			}
			StoredFields stored = searcher.storedFields();
			Person person = storedPerson(stored, self.scoreDocs[0].doc);
			List<PersonSearch.SharedKey> found = new ArrayList<>();
			for (String key : SameKeys.of(person)) {
				TopDocs holders = searcher.search(new TermQuery(new Term(SAME, key)), mostPeople + 1);
				if (holders.scoreDocs.length >= 2 && holders.scoreDocs.length <= mostPeople) {
					List<Person> people = new ArrayList<>();
					for (ScoreDoc holder : holders.scoreDocs) {
						people.add(storedPerson(stored, holder.doc));
					}
					found.add(sharedKey(key, people));
				}
			}
			return found;
		});
	}

	private static PersonSearch.SharedKey sharedKey(String key, List<Person> people) {
		SameKeys.Kind kind = SameKeys.Kind.of(key);
		return new PersonSearch.SharedKey(kind.name(), kind.valueIn(key), people);
	}

	/** The version of what searches see now: it changes with every change they see. */
	long version() {
		return withSearcher(Duration.ZERO, searcher -> ((DirectoryReader) searcher.getIndexReader()).getVersion());
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
		doc.add(new StringField(ID, person.id(), Store.NO));
		doc.add(new SortedDocValuesField(ID, new BytesRef(person.id())));
		doc.add(new SortedDocValuesField(SORT_NAME, new BytesRef(person.sortName() == null ? "" : person.sortName())));
		doc.add(new StoredField(STORED, STORED_FORM.writeValueAsBytes(person)));
		doc.add(new BinaryDocValuesField(API_JSON, new BytesRef(apiJson.writeValueAsBytes(person))));
		Map<String, List<String>> organisationNames = new HashMap<>();
		person.affiliations()
			.forEach(affiliation -> Optional.ofNullable(chains.get(affiliation.organisationId()))
				.ifPresent(chain -> organisationNames.put(affiliation.organisationId(),
						chain.stream().map(Link::name).toList())));
		doc.add(new StoredField(EXPORT_CARD, exportCards.exportCard(person, organisationNames, today)));
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
			addAbout(doc, EMAIL, terms.words(email.value().replace('@', ' ')));
			addAbout(doc, EMAIL, terms.words(email.value()));
		}
		for (Phone phone : person.phones()) {
			add(doc, PHONE, terms.phoneRuns(phone.value()));
		}
		add(doc, SAME, SameKeys.of(person));
		for (String topic : person.topics()) {
			addAbout(doc, TOPIC, terms.words(topic));
			add(doc, TOPIC_KEY, Set.of(Folding.fold(topic.strip())));
		}
		for (Affiliation affiliation : person.affiliations()) {
			boolean current = affiliation.isCurrentOn(today);
			List<Link> chain = chains.getOrDefault(affiliation.organisationId(),
					List.of(new Link(affiliation.organisationId(), affiliation.organisationName(),
							affiliation.organisationShortName(), null)));
			for (Link link : chain) {
				addAbout(doc, current ? ORGANISATION : PAST, terms.words(link.name()));
				addAbout(doc, current ? ORGANISATION : PAST, terms.words(link.shortName()));
				if (current) {
					add(doc, ORGANISATION_ID, Set.of(link.id()));
				}
			}
			addAbout(doc, current ? TITLE : PAST, terms.words(affiliation.title()));
			addAbout(doc, current ? TITLE : PAST, terms.words(affiliation.department()));
		}
		return doc;
	}

	private static void add(Document doc, String field, Set<String> values) {
		if (SCORED.contains(field)) {
			values.forEach(value -> doc.add(new Field(field, value, SCORED_WORD)));
		}
		else {
			values.forEach(value -> doc.add(new StringField(field, value, Store.NO)));
		}
		if (PREFIXED.contains(field)) {
			Set<String> prefixes = new LinkedHashSet<>();
			values.forEach(value -> {
				for (int end = value.offsetByCodePoints(0, 1); end <= value.length(); end = next(value, end)) {
					prefixes.add(value.substring(0, end));
				}
			});
			prefixes.forEach(prefix -> doc.add(new Field(field + PREFIXES, prefix, SCORED_WORD)));
		}
	}

	private static int next(String text, int index) {
		return index == text.length() ? index + 1 : text.offsetByCodePoints(index, 1);
	}

	/** Adds to the field and, unless it is a past affiliation's, to {@link #ABOUT}. */
	private static void addAbout(Document doc, String field, Set<String> values) {
		add(doc, field, values);
		if (!field.equals(PAST)) {
			add(doc, ABOUT, values);
		}
	}

	private Query queryOf(List<SearchTerms.QueryWord> words, List<String> organisationIds, String topic,
			IndexReader reader) throws IOException {
		return queryOf(words, organisationIds, topic, reader, false);
	}

	/**
	 * The query of these words and filters; {@code detailed}, with a way of matching per
	 * field, to explain the results rather than to find them.
	 */
	private Query queryOf(List<SearchTerms.QueryWord> words, List<String> organisationIds, String topic,
			IndexReader reader, boolean detailed) throws IOException {
		if (words.isEmpty() && organisationIds == null && (topic == null || topic.isBlank())) {
			return new MatchAllDocsQuery();
		}
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		List<SearchTerms.QueryWord> asked = byParts(words, reader);
		for (int i = 0; i < asked.size(); i++) {
			query.add(matching(i, asked.get(i), reader, detailed), Occur.MUST);
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

	/**
	 * The words as they are looked for: one typed with joiners ("lopez-gomes") that
	 * begins no word of the index is looked for by its parts, each with its own typos. A
	 * typo in one part is then one edit in a short word, where the whole word of nine
	 * letters or more would need an automaton of two edits: 0.8 ms to build, most of such
	 * a search's time (measured).
	 */
	private static List<SearchTerms.QueryWord> byParts(List<SearchTerms.QueryWord> words, IndexReader reader)
			throws IOException {
		List<SearchTerms.QueryWord> asked = new ArrayList<>();
		for (SearchTerms.QueryWord word : words) {
			if (word.parts().isEmpty() || beginsAWord(word.text(), reader)) {
				asked.add(word);
			}
			else {
				asked.addAll(word.partWords());
			}
		}
		return asked.subList(0, Math.min(asked.size(), SearchTerms.MAX_QUERY_WORDS));
	}

	/**
	 * Whether a word of a name, of what a person is about, or of a past affiliation
	 * begins so.
	 */
	private static boolean beginsAWord(String text, IndexReader reader) throws IOException {
		BytesRef typed = new BytesRef(text);
		for (LeafReaderContext leaf : reader.leaves()) {
			for (String field : List.of(NAME, ABOUT, PAST)) {
				Terms terms = leaf.reader().terms(field);
				if (terms == null) {
					continue;
				}
				TermsEnum words = terms.iterator();
				if (words.seekCeil(typed) != TermsEnum.SeekStatus.END && StringHelper.startsWith(words.term(), typed)) {
					return true;
				}
			}
		}
		return false;
	}

	/** The ways a word may match, each scoring its weight; the word scores the best. */
	private Query matching(int wordIndex, SearchTerms.QueryWord word, IndexReader reader, boolean detailed)
			throws IOException {
		List<Way> ways = new ArrayList<>();
		switch (word.kind()) {
			case PHONE -> word.forms().forEach(digits -> ways.add(way(MatchedOn.PHONE, 50, prefix(PHONE, digits))));
			case EMAIL -> ways.add(way(MatchedOn.EMAIL, 80, prefix(EMAIL_ADDRESS, word.text())));
			case TEXT -> {
				String text = word.text();
				Typos typos = new Typos(text, reader);
				ways.add(way(MatchedOn.NAME, 100, term(NAME, text)));
				ways.add(way(MatchedOn.NAME, 60, prefix(NAME, text)));
				typos.in(NAME).ifPresent(typo -> ways.add(way(MatchedOn.SIMILAR_NAME, 40, typo)));
				terms.sounds(text)
					.forEach(sound -> ways.add(way(MatchedOn.NAME_SOUNDING_ALIKE, 30, term(NAME_SOUND, sound))));
				terms.nicknamesOf(text)
					.forEach(nickname -> ways.add(way(MatchedOn.NICKNAME, 35, term(NAME, nickname))));
				if (word.isDigits() && text.length() >= SearchTerms.PHONE_RUN) {
					ways.add(way(MatchedOn.PHONE, 50, prefix(PHONE, text)));
				}
				if (detailed) {
					addWordWays(ways, MatchedOn.EMAIL, EMAIL, text, typos, 10);
					addWordWays(ways, MatchedOn.ORGANISATION, ORGANISATION, text, typos, 10);
					addWordWays(ways, MatchedOn.TITLE, TITLE, text, typos, 10);
					addWordWays(ways, MatchedOn.TOPIC, TOPIC, text, typos, 10);
				}
				else {
					addWordWays(ways, MatchedOn.ORGANISATION, ABOUT, text, typos, 10);
				}
				// a past affiliation, the weakest match, is not looked for with a typo
				addWordWays(ways, MatchedOn.PAST_AFFILIATION, PAST, text, null, 3);
			}
		}
		// each way named for the explanation of a result: which word, how, with what
		// weight
		return new DisjunctionMaxQuery(ways.stream()
			.map(way -> NamedMatches.wrapQuery(wordIndex + "/" + way.matchedOn().name() + "/" + way.weight(),
					new BoostQuery(way.query() instanceof TermQuery ? way.query() : new ConstantScoreQuery(way.query()),
							way.weight())))
			.toList(), 0);
	}

	/** One way a word may match a person, and what it scores. */
	private record Way(MatchedOn matchedOn, float weight, Query query) {
	}

	/**
	 * Exactly, as a prefix, and with a typo: the full weight, two thirds, and two fifths.
	 */
	private void addWordWays(List<Way> ways, MatchedOn matchedOn, String field, String text, Typos typos, int weight)
			throws IOException {
		ways.add(way(matchedOn, weight, term(field, text)));
		ways.add(way(matchedOn, weight * 2 / 3f, prefix(field, text)));
		if (typos != null) {
			typos.in(field).ifPresent(typo -> ways.add(way(matchedOn, weight * 2 / 5f, typo)));
		}
	}

	private static Way way(MatchedOn matchedOn, float weight, Query query) {
		return new Way(matchedOn, weight, query);
	}

	private static Query term(String field, String text) {
		return new TermQuery(new Term(field, text));
	}

	/** A word's beginning: one word of the field's prefixes where it has them. */
	private static Query prefix(String field, String text) {
		return PREFIXED.contains(field) ? term(field + PREFIXES, text) : new PrefixQuery(new Term(field, text));
	}

	/**
	 * The words of each field a typed word may be a typo of, as the engines people know
	 * allow them: one edit in a word of five letters or more, two in nine or more (a swap
	 * of neighbours is one), the first letter as typed. Like Typesense's default, typos
	 * are looked for only when the word as typed finds nothing: here, when no word of a
	 * name, organisation, title, topic, email or past affiliation is it or begins with it
	 * (a common word would otherwise pay for its typos on every search, measured at half
	 * of one, for matches that rank below it anyway). One automaton per typed word,
	 * walked through each field's words: building it is what costs, not the walk.
	 */
	private static final class Typos {

		/**
		 * The most words of a field one typed word may stand for, as FuzzyQuery's
		 * default.
		 */
		private static final int MAX_WORDS = 50;

		private final CompiledAutomaton automaton;

		private final IndexReader reader;

		Typos(String text, IndexReader reader) throws IOException {
			int length = text.codePointCount(0, text.length());
			this.automaton = length < 5 || beginsAWord(text, reader) ? null
					: FuzzyQuery.getFuzzyAutomaton(text, length >= 9 ? 2 : 1, 1, true);
			this.reader = reader;
		}

		Optional<Query> in(String field) throws IOException {
			if (automaton == null) {
				return Optional.empty();
			}
			Set<BytesRef> words = new TreeSet<>();
			for (LeafReaderContext leaf : reader.leaves()) {
				Terms terms = leaf.reader().terms(field);
				if (terms == null) {
					continue;
				}
				TermsEnum matching = automaton.getTermsEnum(terms);
				for (BytesRef word = matching.next(); word != null
						&& words.size() < MAX_WORDS; word = matching.next()) {
					words.add(BytesRef.deepCopyOf(word));
				}
			}
			return words.isEmpty() ? Optional.empty() : Optional.of(new TermInSetQuery(field, words));
		}

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

	/**
	 * A cursor holds the last result's sort values (score, name, id): the page after it
	 * starts there whatever was added or removed meanwhile.
	 */
	private static Cursor cursorAfter(Ranked last, boolean byScore) {
		String sortName = last.sortName().utf8ToString();
		return new Cursor(byScore ? BY_SCORE + last.score() + BY_SCORE + sortName : sortName, last.id().utf8ToString());
	}

	private static Ranked afterOf(Cursor cursor, boolean byScore) {
		if (cursor == null) {
			return null;
		}
		BytesRef id = new BytesRef(cursor.id());
		if (!byScore) {
			if (cursor.sortKey().startsWith(BY_SCORE)) {
				throw notACursorOfThisOrder();
			}
			return new Ranked(0, new BytesRef(cursor.sortKey()), id, -1);
		}
		String[] parts = cursor.sortKey().split(BY_SCORE, 3);
		if (parts.length != 3 || !parts[0].isEmpty()) {
			throw notACursorOfThisOrder();
		}
		try {
			return new Ranked(Float.parseFloat(parts[1]), new BytesRef(parts[2]), id, -1);
		}
		catch (NumberFormatException ex) {
			throw notACursorOfThisOrder();
		}
	}

	private static InvalidInput notACursorOfThisOrder() {
		return new InvalidInput("cursor", "is not a cursor of this order of results (sort)");
	}

	/**
	 * Deletes the index files an instance killed before it could delete them left behind:
	 * those whose writer's lock nobody holds (the operating system drops a dead process's
	 * locks), so an index in use by another instance on this machine stays, and none made
	 * in the last minute (another instance starting may not hold its lock yet).
	 */
	private static void removeAbandoned(Path parent) {
		Instant aMinuteAgo = Instant.now().minusSeconds(60);
		try (Stream<Path> candidates = Files.list(parent)) {
			for (Path candidate : candidates.filter(p -> p.getFileName().toString().startsWith(FILES_PREFIX))
				.filter(p -> lastModified(p).isBefore(aMinuteAgo))
				.toList()) {
				try (Directory abandoned = FSDirectory.open(candidate);
						Lock unused = abandoned.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
					deleteAll(candidate);
				}
				catch (IOException ex) {
					// in use (LockObtainFailedException), or already gone
				}
			}
		}
		catch (IOException ex) {
			// nothing to clean up, or nothing this instance may list
		}
	}

	private static Instant lastModified(Path path) {
		try {
			return Files.getLastModifiedTime(path).toInstant();
		}
		catch (IOException ex) {
			return Instant.MAX;
		}
	}

	private static void deleteAll(Path directory) throws IOException {
		try (Stream<Path> leftovers = Files.walk(directory)) {
			leftovers.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
		}
	}

	@Override
	public void destroy() throws IOException {
		try {
			searchers.close();
			writer.close();
			directory.close();
		}
		finally {
			deleteAll(files);
		}
	}

}

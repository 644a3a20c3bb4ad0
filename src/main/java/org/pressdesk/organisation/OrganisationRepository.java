package org.pressdesk.organisation;

import static org.jooq.Records.mapping;
import static org.pressdesk.db.Tables.AFFILIATION;
import static org.pressdesk.db.Tables.ORGANISATION;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Record1;
import org.jooq.Record11;
import org.jooq.Select;
import org.jooq.SelectJoinStep;
import org.jooq.Table;
import org.jooq.impl.DSL;

import org.pressdesk.db.tables.records.OrganisationRecord;
import org.pressdesk.system.Like;
import org.pressdesk.system.NotFound;
import org.pressdesk.web.Cursor;
import org.pressdesk.web.Page;

import org.springframework.stereotype.Repository;

/** Reads and writes organisations; owns the organisation table. */
@Repository
public class OrganisationRepository {

	private final DSLContext db;

	OrganisationRepository(DSLContext db) {
		this.db = db;
	}

	public Optional<Organisation> find(String id) {
		return selectOrganisations().where(ORGANISATION.ID.eq(id)).fetchOptional(mapping(Organisation::new));
	}

	/** The organisation; {@code NotFound} (a 404) when there is none with this id. */
	public Organisation get(String id) {
		return find(id).orElseThrow(() -> new NotFound("organisation", id));
	}

	private SelectJoinStep<Record11<String, String, String, String, OrganisationKind, String, String, String, Instant, Instant, Integer>> //
			selectOrganisations() {
		return db
			.select(ORGANISATION.ID, ORGANISATION.NAME, ORGANISATION.SHORT_NAME, ORGANISATION.PARENT_ID,
					ORGANISATION.KIND, ORGANISATION.COUNTRY, ORGANISATION.WEBSITE, ORGANISATION.LINKEDIN_URL,
					ORGANISATION.CREATED_AT, ORGANISATION.UPDATED_AT, ORGANISATION.VERSION)
			.from(ORGANISATION);
	}

	/**
	 * Organisations with this name, compared without regard to case or accents (the
	 * column's collation).
	 */
	public List<Organisation> findByName(String name) {
		return selectOrganisations().where(ORGANISATION.NAME.eq(name))
			.orderBy(ORGANISATION.CREATED_AT, ORGANISATION.ID)
			.fetch(mapping(Organisation::new));
	}

	/**
	 * For each of these names, the ids of the organisations that have it (compared as
	 * {@link #findByName} does), oldest first: an import's look-up, one statement per
	 * {@value #NAMES_PER_STATEMENT} names.
	 */
	public Map<String, List<String>> idsByName(Collection<String> names) {
		List<String> distinct = List.copyOf(new LinkedHashSet<>(names));
		Map<String, List<String>> ids = new HashMap<>();
		for (int from = 0; from < distinct.size(); from += NAMES_PER_STATEMENT) {
			// a UNION ALL of one-row selects: MySQL and MariaDB spell VALUES rows
			// differently
			Table<?> wanted = distinct.subList(from, Math.min(distinct.size(), from + NAMES_PER_STATEMENT))
				.stream()
				.<Select<Record1<String>>>map(name -> DSL.select(DSL.val(name).as("name")))
				.reduce((rows, row) -> rows.unionAll(row))
				.orElseThrow()
				.asTable("wanted");
			Field<String> wantedName = wanted.field("name", String.class);
			// the join compares in the column's collation, so each row says which of the
			// wanted names an organisation matched
			db.select(wantedName, ORGANISATION.ID)
				.from(wanted)
				.join(ORGANISATION)
				.on(ORGANISATION.NAME.eq(wantedName))
				.orderBy(ORGANISATION.CREATED_AT, ORGANISATION.ID)
				.forEach(r -> ids.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
		}
		return ids;
	}

	private static final int NAMES_PER_STATEMENT = 1000;

	/**
	 * Organisations whose name or short name contains {@code q}, case- and
	 * accent-insensitively.
	 */
	public Page<Organisation> list(String q, String parentId, Cursor after, int limit) {
		Condition condition = DSL.noCondition();
		if (q != null && !q.isBlank()) {
			// the column collation (utf8mb4_unicode_ci) makes LIKE ignore case and
			// accents
			condition = condition.and(Like.containing(ORGANISATION.NAME, q.strip())
				.or(Like.containing(ORGANISATION.SHORT_NAME, q.strip())));
		}
		if (parentId != null) {
			condition = condition.and(ORGANISATION.PARENT_ID.eq(parentId));
		}
		if (after != null) {
			// the leading >= lets the index on (name, id) start at the cursor, not the
			// beginning
			condition = condition.and(ORGANISATION.NAME.ge(after.sortKey()))
				.and(ORGANISATION.NAME.gt(after.sortKey()).or(ORGANISATION.ID.gt(after.id())));
		}
		List<Organisation> rows = selectOrganisations().where(condition)
			.orderBy(ORGANISATION.NAME, ORGANISATION.ID)
			.limit(limit + 1)
			.fetch(mapping(Organisation::new));
		return Page.of(rows, limit, last -> new Cursor(last.name(), last.id()));
	}

	void insert(String id, OrganisationInput input, Instant now) {
		db.insertInto(ORGANISATION)
			.set(ORGANISATION.ID, id)
			.set(columnsOf(input))
			.set(ORGANISATION.CREATED_AT, now)
			.set(ORGANISATION.UPDATED_AT, now)
			.set(ORGANISATION.VERSION, 1)
			.execute();
	}

	void update(String id, OrganisationInput input, Instant now) {
		db.update(ORGANISATION)
			.set(columnsOf(input))
			.set(ORGANISATION.UPDATED_AT, now)
			.set(ORGANISATION.VERSION, ORGANISATION.VERSION.plus(1))
			.where(ORGANISATION.ID.eq(id))
			.execute();
	}

	/** The columns a write sets, typed: a value of the wrong type does not compile. */
	private static OrganisationRecord columnsOf(OrganisationInput input) {
		OrganisationRecord columns = new OrganisationRecord();
		columns.setName(input.name());
		columns.setShortName(input.shortName());
		columns.setParentId(input.parentId());
		columns.setKind(input.kind());
		columns.setCountry(input.country());
		columns.setWebsite(input.website());
		columns.setLinkedinUrl(input.linkedinUrl());
		return columns;
	}

	boolean delete(String id) {
		return db.deleteFrom(ORGANISATION).where(ORGANISATION.ID.eq(id)).execute() == 1;
	}

	/**
	 * The parent of an organisation, locking its row so that concurrent moves cannot form
	 * a cycle.
	 */
	Optional<Optional<String>> lockParentOf(String id) {
		return db.select(ORGANISATION.PARENT_ID)
			.from(ORGANISATION)
			.where(ORGANISATION.ID.eq(id))
			.forUpdate()
			.fetchOptional(r -> Optional.ofNullable(r.value1()));
	}

	public boolean exists(String id) {
		return db.fetchExists(ORGANISATION, ORGANISATION.ID.eq(id));
	}

	boolean hasChildren(String id) {
		return db.fetchExists(ORGANISATION, ORGANISATION.PARENT_ID.eq(id));
	}

	boolean hasAffiliations(String id) {
		return db.fetchExists(AFFILIATION, AFFILIATION.ORGANISATION_ID.eq(id));
	}

	// the recursive queries' working tables: each column named once, typed as the column
	// it copies
	private static final Name CHAIN = DSL.name("chain");

	private static final Field<String> CHAIN_ID = DSL.field(CHAIN.append("id"), ORGANISATION.ID.getDataType());

	private static final Field<String> CHAIN_NAME = DSL.field(CHAIN.append("name"), ORGANISATION.NAME.getDataType());

	private static final Field<String> CHAIN_SHORT_NAME = DSL.field(CHAIN.append("short_name"),
			ORGANISATION.SHORT_NAME.getDataType());

	private static final Field<String> CHAIN_PARENT_ID = DSL.field(CHAIN.append("parent_id"),
			ORGANISATION.PARENT_ID.getDataType());

	private static final Name TREE = DSL.name("tree");

	private static final Field<String> TREE_ID = DSL.field(TREE.append("id"), ORGANISATION.ID.getDataType());

	/** One organisation on a chain from the top of its tree. */
	public record Link(String id, String name, String shortName, String parentId) {
	}

	/**
	 * For each organisation, the names from the top of its tree down to itself
	 * ("University of Cambridge", "Institute for Manufacturing"), in one statement.
	 */
	public Map<String, List<String>> namesFromTop(Collection<String> ids) {
		return names(chainsFromTop(ids));
	}

	/**
	 * The names from the top for every organisation: for exports, cheaper than asking per
	 * batch.
	 */
	public Map<String, List<String>> namesFromTopOfAll() {
		return names(chainsFromTopOfAll());
	}

	/**
	 * For each organisation, the organisations from the top of its tree down to itself.
	 */
	public Map<String, List<Link>> chainsFromTop(Collection<String> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		CommonTableExpression<?> chain = CHAIN
			.fields(CHAIN_ID.getUnqualifiedName(), CHAIN_NAME.getUnqualifiedName(),
					CHAIN_SHORT_NAME.getUnqualifiedName(), CHAIN_PARENT_ID.getUnqualifiedName())
			.as(DSL.select(ORGANISATION.ID, ORGANISATION.NAME, ORGANISATION.SHORT_NAME, ORGANISATION.PARENT_ID)
				.from(ORGANISATION)
				.where(ORGANISATION.ID.in(ids))
				.union(DSL.select(ORGANISATION.ID, ORGANISATION.NAME, ORGANISATION.SHORT_NAME, ORGANISATION.PARENT_ID)
					.from(ORGANISATION)
					.join(DSL.table(CHAIN))
					.on(ORGANISATION.ID.eq(CHAIN_PARENT_ID))));
		return chainsFromTop(ids,
				db.withRecursive(chain)
					.select(CHAIN_ID, CHAIN_NAME, CHAIN_SHORT_NAME, CHAIN_PARENT_ID)
					.from(chain)
					.fetch(mapping(Link::new)));
	}

	/** The chains of every organisation, in one statement. */
	public Map<String, List<Link>> chainsFromTopOfAll() {
		List<Link> all = db.select(ORGANISATION.ID, ORGANISATION.NAME, ORGANISATION.SHORT_NAME, ORGANISATION.PARENT_ID)
			.from(ORGANISATION)
			.fetch(mapping(Link::new));
		return chainsFromTop(all.stream().map(Link::id).toList(), all);
	}

	private static Map<String, List<Link>> chainsFromTop(Collection<String> ids, List<Link> organisations) {
		Map<String, Link> byId = new HashMap<>();
		organisations.forEach(link -> byId.put(link.id(), link));
		Map<String, List<Link>> chains = new HashMap<>();
		for (String start : ids) {
			LinkedList<Link> path = new LinkedList<>();
			// bounded by the number of rows, so a damaged tree cannot loop forever
			for (Link link = byId.get(start); link != null
					&& path.size() <= byId.size(); link = byId.get(link.parentId())) {
				path.addFirst(link);
			}
			chains.put(start, List.copyOf(path));
		}
		return chains;
	}

	private static Map<String, List<String>> names(Map<String, List<Link>> chains) {
		Map<String, List<String>> names = new HashMap<>();
		chains.forEach((id, chain) -> names.put(id, chain.stream().map(Link::name).toList()));
		return names;
	}

	/**
	 * These organisations and all organisations below them; empty when none of them
	 * exists.
	 */
	public List<String> subtreeIds(Collection<String> ids) {
		CommonTableExpression<Record1<String>> tree = TREE.fields(TREE_ID.getUnqualifiedName())
			.as(DSL.select(ORGANISATION.ID)
				.from(ORGANISATION)
				.where(ORGANISATION.ID.in(ids))
				.unionAll(DSL.select(ORGANISATION.ID)
					.from(ORGANISATION)
					.join(DSL.table(TREE))
					.on(ORGANISATION.PARENT_ID.eq(TREE_ID))));
		return db.withRecursive(tree).selectFrom(tree).fetch(Record1::value1);
	}

}

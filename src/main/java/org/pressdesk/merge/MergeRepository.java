package org.pressdesk.merge;

import static org.pressdesk.db.Tables.PERSON_MERGE;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.jooq.DSLContext;
import org.jooq.Record;

import org.pressdesk.article.ContactBlockChange;
import org.pressdesk.person.PersonState;

import org.springframework.stereotype.Repository;

/** The merges, with what each needs to be undone. */
@Repository
class MergeRepository {

	private static final TypeReference<List<ContactBlockChange>> BLOCKS = new TypeReference<>() {
	};

	private final DSLContext db;

	private final JsonMapper mapper;

	MergeRepository(DSLContext db, JsonMapper mapper) {
		this.db = db;
		this.mapper = mapper;
	}

	/** A merge as stored: the people before and after, and the blocks it changed. */
	record StoredMerge(Merge merge, PersonState keptBefore, PersonState mergedBefore, PersonState keptAfter,
			List<ContactBlockChange> blocks) {
	}

	void insert(StoredMerge stored) {
		Merge merge = stored.merge();
		db.insertInto(PERSON_MERGE)
			.set(PERSON_MERGE.ID, merge.id())
			.set(PERSON_MERGE.KEPT_ID, merge.keptId())
			.set(PERSON_MERGE.MERGED_ID, merge.mergedId())
			.set(PERSON_MERGE.KEPT_BEFORE, mapper.writeValueAsString(stored.keptBefore()))
			.set(PERSON_MERGE.MERGED_BEFORE, mapper.writeValueAsString(stored.mergedBefore()))
			.set(PERSON_MERGE.KEPT_AFTER, mapper.writeValueAsString(stored.keptAfter()))
			.set(PERSON_MERGE.ARTICLES, mapper.writeValueAsString(stored.blocks()))
			.set(PERSON_MERGE.MERGED_AT, merge.mergedAt())
			.set(PERSON_MERGE.MERGED_BY, merge.mergedBy())
			.execute();
	}

	Optional<Merge> find(String id) {
		return db.selectFrom(PERSON_MERGE).where(PERSON_MERGE.ID.eq(id)).fetchOptional(MergeRepository::mergeOf);
	}

	/** The merge with what it stored, its row locked until the transaction ends. */
	Optional<StoredMerge> lock(String id) {
		return db.selectFrom(PERSON_MERGE)
			.where(PERSON_MERGE.ID.eq(id))
			.forUpdate()
			.fetchOptional(row -> new StoredMerge(mergeOf(row), state(row.get(PERSON_MERGE.KEPT_BEFORE)),
					state(row.get(PERSON_MERGE.MERGED_BEFORE)), state(row.get(PERSON_MERGE.KEPT_AFTER)),
					mapper.readValue(row.get(PERSON_MERGE.ARTICLES), BLOCKS)));
	}

	/** The merges into this person that can still be undone, newest first. */
	List<Merge> undoableInto(String keptId, Instant since) {
		return db.selectFrom(PERSON_MERGE)
			.where(PERSON_MERGE.KEPT_ID.eq(keptId))
			.and(PERSON_MERGE.MERGED_AT.gt(since))
			.and(PERSON_MERGE.UNDONE_AT.isNull())
			.orderBy(PERSON_MERGE.MERGED_AT.desc())
			.fetch(MergeRepository::mergeOf);
	}

	void markUndone(String id, Instant at, String by) {
		db.update(PERSON_MERGE)
			.set(PERSON_MERGE.UNDONE_AT, at)
			.set(PERSON_MERGE.UNDONE_BY, by)
			.where(PERSON_MERGE.ID.eq(id))
			.execute();
	}

	private PersonState state(String json) {
		return mapper.readValue(json, PersonState.class);
	}

	private static Merge mergeOf(Record row) {
		Instant at = row.get(PERSON_MERGE.MERGED_AT);
		return new Merge(row.get(PERSON_MERGE.ID), row.get(PERSON_MERGE.KEPT_ID), row.get(PERSON_MERGE.MERGED_ID), at,
				row.get(PERSON_MERGE.MERGED_BY), at.plus(Merges.UNDOABLE_FOR), row.get(PERSON_MERGE.UNDONE_AT),
				row.get(PERSON_MERGE.UNDONE_BY));
	}

}

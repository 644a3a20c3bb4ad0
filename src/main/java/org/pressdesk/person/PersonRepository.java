package org.pressdesk.person;

import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.multisetAgg;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.pressdesk.db.Tables.AFFILIATION;
import static org.pressdesk.db.Tables.ORGANISATION;
import static org.pressdesk.db.Tables.PERSON;
import static org.pressdesk.db.Tables.PERSON_EMAIL;
import static org.pressdesk.db.Tables.PERSON_PHONE;
import static org.pressdesk.db.Tables.PERSON_TOPIC;
import static org.pressdesk.person.PersonFields.EMAILS;
import static org.pressdesk.person.PersonFields.NAME;
import static org.pressdesk.person.PersonFields.PHONES;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.OrderField;
import org.jooq.Query;
import org.jooq.Record11;
import org.jooq.Record15;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.Record5;
import org.jooq.Record7;
import org.jooq.Record;
import org.jooq.Row2;
import org.jooq.SelectField;
import org.jooq.SelectJoinStep;
import org.jooq.TableField;
import org.jooq.impl.DSL;

import org.pressdesk.db.tables.records.AffiliationRecord;
import org.pressdesk.db.tables.records.PersonEmailRecord;
import org.pressdesk.db.tables.records.PersonPhoneRecord;
import org.pressdesk.db.tables.records.PersonRecord;
import org.pressdesk.db.tables.records.PersonTopicRecord;
import org.pressdesk.system.Like;
import org.pressdesk.system.MultiRowInserts;
import org.pressdesk.system.NotFound;
import org.pressdesk.text.LinkedIn;
import org.pressdesk.text.Topics;

import org.springframework.stereotype.Repository;

/**
 * Reads and writes people with their emails, phones, topics, affiliations and search
 * terms. Every read of people, one or a page of them, is a single statement: the nested
 * lists come from MULTISET.
 */
@Repository
public class PersonRepository {

	/** Current affiliations first, then the most recent. */
	private static final List<OrderField<?>> AFFILIATIONS_CURRENT_FIRST = List.of(AFFILIATION.END_DATE.isNull().desc(),
			AFFILIATION.END_DATE.desc(), AFFILIATION.START_DATE.desc(), AFFILIATION.CREATED_AT.asc(),
			AFFILIATION.ID.asc());

	private static final Field<List<Affiliation>> AFFILIATIONS = field(
			select(multisetAgg(AFFILIATION.ID, AFFILIATION.ORGANISATION_ID, ORGANISATION.NAME, ORGANISATION.SHORT_NAME,
					AFFILIATION.TITLE, AFFILIATION.DEPARTMENT, AFFILIATION.ROLE, AFFILIATION.START_DATE,
					AFFILIATION.END_DATE, AFFILIATION.IS_PRIMARY)
				.orderBy(AFFILIATIONS_CURRENT_FIRST)).from(AFFILIATION)
				.join(ORGANISATION)
				.on(ORGANISATION.ID.eq(AFFILIATION.ORGANISATION_ID))
				.where(AFFILIATION.PERSON_ID.eq(PERSON.ID)))
		.as("affiliations")
		.convertFrom(r -> r == null ? List.of() : r.map(mapping(Affiliation::new)));

	private static final Field<List<String>> TOPICS = field(
			select(multisetAgg(PERSON_TOPIC.TOPIC).orderBy(PERSON_TOPIC.TOPIC)).from(PERSON_TOPIC)
				.where(PERSON_TOPIC.PERSON_ID.eq(PERSON.ID)))
		.as("topics")
		.convertFrom(r -> r == null ? List.of() : r.map(Record1::value1));

	/** A person's own columns, for the export, which reads the nested lists apart. */
	private static final List<SelectField<?>> PERSON_COLUMNS = List.of(PERSON.ID, NAME, PERSON.PRONOUNS,
			PERSON.LINKEDIN_URL, PERSON.NOTES, PERSON.LAWFUL_BASIS, PERSON.SOURCE, PERSON.SORT_NAME, PERSON.CREATED_AT,
			PERSON.UPDATED_AT, PERSON.VERSION);

	private final DSLContext db;

	private final PersonRedirects redirects;

	PersonRepository(DSLContext db, PersonRedirects redirects) {
		this.db = db;
		this.redirects = redirects;
	}

	public Optional<Person> find(String id) {
		return selectPeople().where(PERSON.ID.eq(id)).fetchOptional(mapping(Person::new));
	}

	/**
	 * The person; {@code NotFound} (a 404) when there is none with this id, or
	 * {@code Moved} (a 308) when they were merged into someone.
	 */
	public Person get(String id) {
		return find(id).orElseThrow(() -> missing(id));
	}

	/** What to throw for a person who is not there: NotFound, or Moved when merged. */
	public NotFound missing(String id) {
		return redirects.missing(id);
	}

	public boolean exists(String id) {
		return db.fetchExists(PERSON, PERSON.ID.eq(id));
	}

	public List<Person> findAll(Collection<String> ids) {
		return selectPeople().where(PERSON.ID.in(ids)).fetch(mapping(Person::new));
	}

	/**
	 * The next batch of everyone, for an export or for building the search index: up to
	 * {@code size} people whose id comes after {@code afterId}, in order of id. The
	 * nested rows are read as the range of person ids the batch spans: each table's
	 * primary key serves it as one slice, where a list of a thousand ids is a thousand
	 * lookups (measured on 100,000 people: the whole export read in a third of the time).
	 */
	List<Person> batchAfter(String afterId, int size) {
		List<Record> rows = db.select(PERSON_COLUMNS)
			.from(PERSON)
			.where(afterId == null ? DSL.noCondition() : PERSON.ID.gt(afterId))
			.orderBy(PERSON.ID)
			.limit(size)
			.fetch();
		if (rows.isEmpty()) {
			return List.of();
		}
		String first = rows.get(0).get(PERSON.ID);
		String last = rows.get(rows.size() - 1).get(PERSON.ID);
		return withNestedRows(rows, personId -> personId.between(first, last));
	}

	/** These people, in order of id, read as {@link #batchAfter} reads them. */
	List<Person> batchOf(Collection<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return withNestedRows(
				db.select(PERSON_COLUMNS).from(PERSON).where(PERSON.ID.in(ids)).orderBy(PERSON.ID).fetch());
	}

	/** The people of these rows of {@code person}, with their nested rows. */
	private List<Person> withNestedRows(List<Record> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		List<String> found = rows.stream().map(r -> r.get(PERSON.ID)).toList();
		return withNestedRows(rows, personId -> personId.in(found));
	}

	/**
	 * The people of these rows with their emails, phones, affiliations and topics, in one
	 * statement each (cheaper, for thousands, than building and parsing MULTISET's JSON
	 * for every person).
	 */
	private List<Person> withNestedRows(List<Record> rows, Function<Field<String>, Condition> ofBatch) {
		// rows read by position (value1, …), not by field: for a thousand people and
		// their rows, looking each field up by name showed in the profile
		Map<String, List<Email>> emails = db
			.select(PERSON_EMAIL.PERSON_ID, PERSON_EMAIL.VALUE, PERSON_EMAIL.LABEL, PERSON_EMAIL.VISIBILITY,
					PERSON_EMAIL.IS_PRIMARY)
			.from(PERSON_EMAIL)
			.where(ofBatch.apply(PERSON_EMAIL.PERSON_ID))
			.orderBy(PERSON_EMAIL.PERSON_ID, PERSON_EMAIL.POSITION)
			.collect(Collectors.groupingBy(Record5::value1, Collectors
				.mapping(r -> new Email(r.value2(), r.value3(), r.value4(), r.value5()), Collectors.toList())));
		Map<String, List<Phone>> phones = db
			.select(PERSON_PHONE.PERSON_ID, PERSON_PHONE.VALUE, PERSON_PHONE.INTERNATIONAL, PERSON_PHONE.KIND,
					PERSON_PHONE.LABEL, PERSON_PHONE.VISIBILITY, PERSON_PHONE.IS_PRIMARY)
			.from(PERSON_PHONE)
			.where(ofBatch.apply(PERSON_PHONE.PERSON_ID))
			.orderBy(PERSON_PHONE.PERSON_ID, PERSON_PHONE.POSITION)
			.collect(Collectors.groupingBy(Record7::value1,
					Collectors.mapping(
							r -> new Phone(r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7()),
							Collectors.toList())));
		Map<String, List<Affiliation>> affiliations = db
			.select(AFFILIATION.PERSON_ID, AFFILIATION.ID, AFFILIATION.ORGANISATION_ID, ORGANISATION.NAME,
					ORGANISATION.SHORT_NAME, AFFILIATION.TITLE, AFFILIATION.DEPARTMENT, AFFILIATION.ROLE,
					AFFILIATION.START_DATE, AFFILIATION.END_DATE, AFFILIATION.IS_PRIMARY)
			.from(AFFILIATION)
			.join(ORGANISATION)
			.on(ORGANISATION.ID.eq(AFFILIATION.ORGANISATION_ID))
			.where(ofBatch.apply(AFFILIATION.PERSON_ID))
			.orderBy(
					Stream.concat(Stream.of(AFFILIATION.PERSON_ID.asc()), AFFILIATIONS_CURRENT_FIRST.stream()).toList())
			.collect(
					Collectors.groupingBy(Record11::value1,
							Collectors.mapping(
									r -> new Affiliation(r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
											r.value7(), r.value8(), r.value9(), r.value10(), r.value11()),
									Collectors.toList())));
		Map<String, List<String>> topics = db.select(PERSON_TOPIC.PERSON_ID, PERSON_TOPIC.TOPIC)
			.from(PERSON_TOPIC)
			.where(ofBatch.apply(PERSON_TOPIC.PERSON_ID))
			.orderBy(PERSON_TOPIC.PERSON_ID, PERSON_TOPIC.TOPIC)
			.collect(Collectors.groupingBy(Record2::value1, Collectors.mapping(Record2::value2, Collectors.toList())));
		return rows.stream()
			.map(r -> toPerson(r, emails.getOrDefault(r.get(PERSON.ID), List.of()),
					phones.getOrDefault(r.get(PERSON.ID), List.of()),
					affiliations.getOrDefault(r.get(PERSON.ID), List.of()),
					topics.getOrDefault(r.get(PERSON.ID), List.of())))
			.toList();
	}

	/** Everyone affiliated (now or before) with any of these organisations. */
	List<String> idsAffiliatedWithAny(Collection<String> organisationIds) {
		if (organisationIds.isEmpty()) {
			return List.of();
		}
		return db.selectDistinct(AFFILIATION.PERSON_ID)
			.from(AFFILIATION)
			.where(AFFILIATION.ORGANISATION_ID.in(organisationIds))
			.fetch(Record1::value1);
	}

	/**
	 * People with an affiliation that ended on one of these days: they were current on
	 * the first and are past now.
	 */
	List<String> idsWithAffiliationEnding(LocalDate from, LocalDate before) {
		return db.selectDistinct(AFFILIATION.PERSON_ID)
			.from(AFFILIATION)
			.where(AFFILIATION.END_DATE.ge(from))
			.and(AFFILIATION.END_DATE.lt(before))
			.fetch(Record1::value1);
	}

	void insert(String id, PersonDraft draft, Instant now) {
		db.insertInto(PERSON)
			.set(PERSON.ID, id)
			.set(PERSON.CREATED_AT, now)
			.set(PERSON.UPDATED_AT, now)
			.set(PERSON.VERSION, 1)
			.set(columnsOf(draft))
			.execute();
		insertContactPoints(id, draft);
	}

	void update(String id, PersonDraft draft, Instant now) {
		updateOf(id, draft, now).execute();
		db.deleteFrom(PERSON_EMAIL).where(PERSON_EMAIL.PERSON_ID.eq(id)).execute();
		db.deleteFrom(PERSON_PHONE).where(PERSON_PHONE.PERSON_ID.eq(id)).execute();
		db.deleteFrom(PERSON_TOPIC).where(PERSON_TOPIC.PERSON_ID.eq(id)).execute();
		insertContactPoints(id, draft);
	}

	/** The UPDATE of a person's own row to the draft, as a new version. */
	private Query updateOf(String id, PersonDraft draft, Instant now) {
		return db.update(PERSON)
			.set(columnsOf(draft))
			.set(PERSON.UPDATED_AT, now)
			.set(PERSON.VERSION, PERSON.VERSION.plus(1))
			.where(PERSON.ID.eq(id));
	}

	/**
	 * Writes many people's drafts in a few statements (an import): one UPDATE each in a
	 * JDBC batch; of their emails, phones and topics only the lists that differ from
	 * {@code before} are replaced, for all of them at once.
	 */
	void updateAll(Map<String, PersonDraft> drafts, Map<String, Person> before, Instant now) {
		db.batch(drafts.entrySet().stream().map(draft -> updateOf(draft.getKey(), draft.getValue(), now)).toList())
			.execute();
		ContactPointRows contactPoints = new ContactPointRows();
		List<String> emails = new ArrayList<>();
		List<String> phones = new ArrayList<>();
		List<String> topics = new ArrayList<>();
		drafts.forEach((id, draft) -> {
			Person was = before.get(id);
			if (!draft.emails().equals(was.emails())) {
				emails.add(id);
				contactPoints.addEmails(id, draft);
			}
			if (!draft.phones().equals(was.phones())) {
				phones.add(id);
				contactPoints.addPhones(id, draft);
			}
			if (!draft.topics().equals(was.topics())) {
				topics.add(id);
				contactPoints.addTopics(id, draft);
			}
		});
		chunks(emails).forEach(chunk -> db.deleteFrom(PERSON_EMAIL).where(PERSON_EMAIL.PERSON_ID.in(chunk)).execute());
		chunks(phones).forEach(chunk -> db.deleteFrom(PERSON_PHONE).where(PERSON_PHONE.PERSON_ID.in(chunk)).execute());
		chunks(topics).forEach(chunk -> db.deleteFrom(PERSON_TOPIC).where(PERSON_TOPIC.PERSON_ID.in(chunk)).execute());
		contactPoints.insert(db);
	}

	/**
	 * These people, their rows locked until the transaction ends: read and locked by the
	 * same statements, 1,000 people a statement.
	 */
	List<Person> lockedBatchOf(Collection<String> ids) {
		List<Person> people = new ArrayList<>();
		for (List<String> chunk : chunks(ids)) {
			people.addAll(withNestedRows(
					db.select(PERSON_COLUMNS).from(PERSON).where(PERSON.ID.in(chunk)).forUpdate().fetch()));
		}
		return people;
	}

	/**
	 * Marks a change to a part of the person (an affiliation), so that its ETag changes
	 * too.
	 */
	void touch(Collection<String> ids, Instant now) {
		db.update(PERSON)
			.set(PERSON.UPDATED_AT, now)
			.set(PERSON.VERSION, PERSON.VERSION.plus(1))
			.where(PERSON.ID.in(ids))
			.execute();
	}

	boolean delete(String id) {
		return db.deleteFrom(PERSON).where(PERSON.ID.eq(id)).execute() == 1;
	}

	/** The current version, locking the person's row until the transaction ends. */
	Optional<Integer> lockVersion(String id) {
		return db.select(PERSON.VERSION)
			.from(PERSON)
			.where(PERSON.ID.eq(id))
			.forUpdate()
			.fetchOptional(Record1::value1);
	}

	/**
	 * Writes the person back exactly as the snapshot shows them (a merge undone): their
	 * row with its times and version, whether or not it exists, their contact points, and
	 * their affiliations, taken back from whoever holds them now.
	 */
	void restore(PersonState snapshot, PersonDraft draft) {
		PersonRecord columns = columnsOf(draft);
		columns.setId(snapshot.id());
		columns.setCreatedAt(snapshot.createdAt());
		columns.setUpdatedAt(snapshot.updatedAt());
		columns.setVersion(snapshot.version());
		if (db.update(PERSON).set(columns).where(PERSON.ID.eq(snapshot.id())).execute() == 0) {
			db.insertInto(PERSON).set(columns).execute();
		}
		db.deleteFrom(PERSON_EMAIL).where(PERSON_EMAIL.PERSON_ID.eq(snapshot.id())).execute();
		db.deleteFrom(PERSON_PHONE).where(PERSON_PHONE.PERSON_ID.eq(snapshot.id())).execute();
		db.deleteFrom(PERSON_TOPIC).where(PERSON_TOPIC.PERSON_ID.eq(snapshot.id())).execute();
		insertContactPoints(snapshot.id(), draft);
		for (Affiliation affiliation : snapshot.affiliations()) {
			AffiliationRecord row = affiliationColumnsOf(affiliation.toInput());
			row.setPersonId(snapshot.id());
			if (db.update(AFFILIATION).set(row).where(AFFILIATION.ID.eq(affiliation.id())).execute() == 0) {
				row.setId(affiliation.id());
				row.setCreatedAt(snapshot.updatedAt());
				db.insertInto(AFFILIATION).set(row).execute();
			}
		}
	}

	/** Gives these affiliations to another person (a merge). */
	void moveAffiliations(Collection<String> ids, String personId) {
		if (!ids.isEmpty()) {
			db.update(AFFILIATION).set(AFFILIATION.PERSON_ID, personId).where(AFFILIATION.ID.in(ids)).execute();
		}
	}

	void insertAffiliation(String personId, String id, AffiliationInput input, Instant now) {
		db.insertInto(AFFILIATION)
			.set(AFFILIATION.ID, id)
			.set(AFFILIATION.PERSON_ID, personId)
			.set(AFFILIATION.CREATED_AT, now)
			.set(affiliationColumnsOf(input))
			.execute();
	}

	void updateAffiliation(String id, AffiliationInput input) {
		db.update(AFFILIATION).set(affiliationColumnsOf(input)).where(AFFILIATION.ID.eq(id)).execute();
	}

	void deleteAffiliation(String id) {
		db.deleteFrom(AFFILIATION).where(AFFILIATION.ID.eq(id)).execute();
	}

	/** Leaves {@code primaryId} the only primary affiliation of the person. */
	void clearOtherPrimaries(String personId, String primaryId) {
		db.update(AFFILIATION)
			.set(AFFILIATION.IS_PRIMARY, false)
			.where(AFFILIATION.PERSON_ID.eq(personId))
			.and(AFFILIATION.ID.ne(primaryId))
			.execute();
	}

	/**
	 * The people changed most recently (created, edited, affiliated), newest first: their
	 * ids and names only, for the home page.
	 */
	public List<RecentChange> recentlyChanged(int limit) {
		return db.select(PERSON.ID, PERSON.DISPLAY_NAME, PERSON.UPDATED_AT)
			.from(PERSON)
			.orderBy(PERSON.UPDATED_AT.desc())
			.limit(limit)
			.fetch(mapping(RecentChange::new));
	}

	/** A person as the home page lists them among the recent changes. */
	public record RecentChange(String id, String displayName, Instant at) {
	}

	/**
	 * Inserts new people with their contact points, topics and affiliations, a few
	 * statements for all of them (an import writes 500 at a time).
	 */
	void insertAll(List<NewPerson> people, Instant now) {
		List<PersonRecord> persons = new ArrayList<>();
		ContactPointRows contactPoints = new ContactPointRows();
		List<AffiliationRecord> affiliations = new ArrayList<>();
		for (NewPerson person : people) {
			persons.add(newPersonColumns(person, now));
			contactPoints.add(person.id(), person.draft());
			for (NewPerson.NewAffiliation added : person.affiliations()) {
				AffiliationRecord affiliation = affiliationColumnsOf(added.input());
				affiliation.setId(added.id());
				affiliation.setPersonId(person.id());
				affiliation.setCreatedAt(now);
				affiliations.add(affiliation);
			}
		}
		MultiRowInserts.insert(db, PERSON, persons);
		contactPoints.insert(db);
		MultiRowInserts.insert(db, AFFILIATION, affiliations);
	}

	private static PersonRecord newPersonColumns(NewPerson person, Instant now) {
		PersonRecord columns = columnsOf(person.draft());
		columns.setId(person.id());
		columns.setCreatedAt(now);
		columns.setUpdatedAt(now);
		columns.setVersion(1);
		return columns;
	}

	/**
	 * Who has each of these ids, emails, phones (E.164) and LinkedIn profiles, looked up
	 * together: keys as {@link ContactPoints#key} makes them.
	 */
	public Map<String, Set<String>> owners(ContactPoints wanted) {
		Map<String, Set<String>> owners = new HashMap<>();
		collectOwners(owners, "id", wanted.ids(), PERSON.ID, PERSON.ID);
		collectOwners(owners, "email", wanted.emails(), PERSON_EMAIL.VALUE, PERSON_EMAIL.PERSON_ID);
		collectOwners(owners, "phone", wanted.phones(), PERSON_PHONE.VALUE, PERSON_PHONE.PERSON_ID);
		collectOwners(owners, "linkedin", wanted.linkedinUrls(), PERSON.LINKEDIN_URL, PERSON.ID);
		return owners;
	}

	/**
	 * Adds who has each of {@code values} in {@code column}, 1,000 values a statement.
	 */
	private void collectOwners(Map<String, Set<String>> owners, String kind, Collection<String> values,
			TableField<?, String> column, TableField<?, String> personId) {
		for (List<String> chunk : chunks(values)) {
			db.select(column, personId)
				.from(column.getTable())
				.where(column.in(chunk))
				.forEach(r -> owners.computeIfAbsent(ContactPoints.key(kind, r.value1()), k -> new LinkedHashSet<>())
					.add(r.value2()));
		}
	}

	/**
	 * For each of these family and given names, up to {@code limit} people who have it
	 * (case and accents aside), by {@link ContactPoints#nameKey}.
	 */
	public Map<String, List<String>> namesakes(Collection<PersonInput.Name> names, int limit) {
		List<Row2<String, String>> rows = names.stream()
			.filter(n -> n.familyName() != null && n.givenName() != null)
			.map(n -> row(n.familyName(), n.givenName()))
			.distinct()
			.toList();
		Map<String, List<String>> namesakes = new HashMap<>();
		for (int from = 0; from < rows.size(); from += CHUNK) {
			db.select(PERSON.FAMILY_NAME, PERSON.GIVEN_NAME, PERSON.ID)
				.from(PERSON)
				.where(row(PERSON.FAMILY_NAME, PERSON.GIVEN_NAME)
					.in(rows.subList(from, Math.min(rows.size(), from + CHUNK))))
				.forEach(r -> {
					List<String> ids = namesakes.computeIfAbsent(ContactPoints.nameKey(r.value1(), r.value2()),
							k -> new ArrayList<>());
					if (ids.size() < limit) {
						ids.add(r.value3());
					}
				});
		}
		return namesakes;
	}

	/** How many values one IN list holds. */
	private static final int CHUNK = 1000;

	private static List<List<String>> chunks(Collection<String> values) {
		List<String> list = List.copyOf(values);
		List<List<String>> chunks = new ArrayList<>();
		for (int from = 0; from < list.size(); from += CHUNK) {
			chunks.add(list.subList(from, Math.min(list.size(), from + CHUNK)));
		}
		return chunks;
	}

	/**
	 * Up to {@code limit} people with this family and given name, compared without regard
	 * to case or accents.
	 */
	public List<String> idsNamed(String familyName, String givenName, int limit) {
		return db.select(PERSON.ID)
			.from(PERSON)
			.where(familyName == null ? PERSON.FAMILY_NAME.isNull() : PERSON.FAMILY_NAME.eq(familyName))
			.and(givenName == null ? PERSON.GIVEN_NAME.isNull() : PERSON.GIVEN_NAME.eq(givenName))
			.limit(limit)
			.fetch(Record1::value1);
	}

	/**
	 * Topics people have that start with {@code prefix} (any case or accents),
	 * alphabetically: a range of the topic index, each topic read once.
	 */
	public List<String> topicsStartingWith(String prefix, int limit) {
		return db.selectDistinct(PERSON_TOPIC.TOPIC)
			.from(PERSON_TOPIC)
			.where(Like.startingWith(PERSON_TOPIC.TOPIC, prefix.strip()))
			.orderBy(PERSON_TOPIC.TOPIC)
			.limit(limit)
			.fetch(Record1::value1);
	}

	private void insertContactPoints(String id, PersonDraft draft) {
		ContactPointRows rows = new ContactPointRows();
		rows.add(id, draft);
		rows.insert(db);
	}

	/**
	 * The rows of people's emails, phones and topics (in their order), written with one
	 * INSERT per table.
	 */
	private record ContactPointRows(List<PersonEmailRecord> emails, List<PersonPhoneRecord> phones,
			List<PersonTopicRecord> topics) {

		ContactPointRows() {
			this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
		}

		void add(String personId, PersonDraft draft) {
			addEmails(personId, draft);
			addPhones(personId, draft);
			addTopics(personId, draft);
		}

		void addEmails(String personId, PersonDraft draft) {
			for (int i = 0; i < draft.emails().size(); i++) {
				Email e = draft.emails().get(i);
				emails.add(new PersonEmailRecord(personId, i, e.value(), e.label(), e.visibility(), e.primary()));
			}
		}

		void addPhones(String personId, PersonDraft draft) {
			for (int i = 0; i < draft.phones().size(); i++) {
				Phone p = draft.phones().get(i);
				PersonPhoneRecord phone = new PersonPhoneRecord();
				phone.setPersonId(personId);
				phone.setPosition(i);
				phone.setValue(p.value());
				phone.setInternational(p.international());
				phone.setKind(p.kind());
				phone.setLabel(p.label());
				phone.setVisibility(p.visibility());
				phone.setIsPrimary(p.primary());
				phones.add(phone);
			}
		}

		void addTopics(String personId, PersonDraft draft) {
			draft.topics().forEach(topic -> topics.add(new PersonTopicRecord(personId, topic)));
		}

		void insert(DSLContext db) {
			MultiRowInserts.insert(db, PERSON_EMAIL, emails);
			MultiRowInserts.insert(db, PERSON_PHONE, phones);
			MultiRowInserts.insert(db, PERSON_TOPIC, topics);
		}

	}

	/** The columns a write sets, typed: a value of the wrong type does not compile. */
	private static PersonRecord columnsOf(PersonDraft draft) {
		PersonRecord columns = new PersonRecord();
		columns.setHonorificPrefix(draft.name().honorificPrefix());
		columns.setGivenName(draft.name().givenName());
		columns.setAdditionalNames(draft.name().additionalNames());
		columns.setFamilyName(draft.name().familyName());
		columns.setHonorificSuffix(draft.name().honorificSuffix());
		columns.setDisplayName(draft.name().displayName());
		columns.setDisplayNameGiven(draft.name().displayNameGiven());
		columns.setNameOrder(draft.name().nameOrder());
		columns.setPhoneticGivenName(draft.name().phoneticGivenName());
		columns.setPhoneticFamilyName(draft.name().phoneticFamilyName());
		columns.setPronouns(draft.pronouns());
		columns.setLinkedinUrl(draft.linkedinUrl());
		columns.setNotes(draft.notes());
		columns.setLawfulBasis(draft.lawfulBasis());
		columns.setSource(draft.source());
		columns.setSortName(draft.sortName());
		return columns;
	}

	/** The columns a write sets, typed: a value of the wrong type does not compile. */
	private static AffiliationRecord affiliationColumnsOf(AffiliationInput input) {
		AffiliationRecord columns = new AffiliationRecord();
		columns.setOrganisationId(input.organisationId());
		columns.setTitle(input.title());
		columns.setDepartment(input.department());
		columns.setRole(input.role());
		columns.setStartDate(input.startDate());
		columns.setEndDate(input.endDate());
		columns.setIsPrimary(input.primary());
		return columns;
	}

	/**
	 * Every person's field, in the order of {@link Person}'s components: jOOQ checks each
	 * type.
	 */
	private SelectJoinStep<Record15<String, PersonName, String, String, List<Email>, List<Phone>, List<Affiliation>, List<String>, String, LawfulBasis, String, String, Instant, Instant, Integer>> selectPeople() {
		return db
			.select(PERSON.ID, NAME, PERSON.PRONOUNS, PERSON.LINKEDIN_URL, EMAILS, PHONES, AFFILIATIONS, TOPICS,
					PERSON.NOTES, PERSON.LAWFUL_BASIS, PERSON.SOURCE, PERSON.SORT_NAME, PERSON.CREATED_AT,
					PERSON.UPDATED_AT, PERSON.VERSION)
			.from(PERSON);
	}

	private static Person toPerson(Record r, List<Email> emails, List<Phone> phones, List<Affiliation> affiliations,
			List<String> topics) {
		return new Person(r.get(PERSON.ID), r.get(NAME), r.get(PERSON.PRONOUNS), r.get(PERSON.LINKEDIN_URL), emails,
				phones, affiliations, topics, r.get(PERSON.NOTES), r.get(PERSON.LAWFUL_BASIS), r.get(PERSON.SOURCE),
				r.get(PERSON.SORT_NAME), r.get(PERSON.CREATED_AT), r.get(PERSON.UPDATED_AT), r.get(PERSON.VERSION));
	}

}

package org.pressdesk.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.pressdesk.audit.AuditTrail.Action;
import org.pressdesk.audit.AuditTrail.Entity;
import org.pressdesk.audit.AuditTrail;
import org.pressdesk.duplicate.Duplicates;
import org.pressdesk.exchange.ImportReport.Outcome;
import org.pressdesk.organisation.Organisation;
import org.pressdesk.organisation.OrganisationInput;
import org.pressdesk.organisation.OrganisationKind;
import org.pressdesk.organisation.OrganisationRepository;
import org.pressdesk.organisation.Organisations;
import org.pressdesk.person.Affiliation;
import org.pressdesk.person.AffiliationInput;
import org.pressdesk.person.ContactPoints;
import org.pressdesk.person.NewPerson;
import org.pressdesk.person.People;
import org.pressdesk.person.Person;
import org.pressdesk.person.PersonDraft;
import org.pressdesk.person.PersonInput;
import org.pressdesk.person.PersonRepository;
import org.pressdesk.system.Conflict;
import org.pressdesk.system.Ids;
import org.pressdesk.system.ImportLock;
import org.pressdesk.system.InvalidInput;
import org.pressdesk.text.Folding;
import org.pressdesk.text.LinkedIn;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a .vcf or .csv file in one transaction: every card is written or none is. A
 * card that shares an email, phone, LinkedIn profile or UID with someone updates them
 * instead of creating a duplicate; organisations are found by name (case and accents
 * aside) or created. A dry run does all of it and rolls back, so its report is exactly
 * what a real import would do.
 */
@Service
class Imports {

	private final ImportSettings limits;

	private final People people;

	private final PersonRepository personRepository;

	private final Organisations organisations;

	private final OrganisationRepository organisationRepository;

	private final TransactionTemplate transaction;

	private final AuditTrail audit;

	private final Clock clock;

	private final ImportLock importLock;

	Imports(ImportSettings limits, People people, PersonRepository personRepository, Organisations organisations,
			OrganisationRepository organisationRepository, TransactionTemplate transaction, AuditTrail audit,
			Clock clock, ImportLock importLock) {
		this.limits = limits;
		this.people = people;
		this.personRepository = personRepository;
		this.organisations = organisations;
		this.organisationRepository = organisationRepository;
		this.transaction = transaction;
		this.audit = audit;
		this.clock = clock;
		this.importLock = importLock;
	}

	ImportReport run(byte[] file, boolean dryRun) {
		ReadFile read = read(file);
		Run run = new Run(dryRun);
		run.errors.addAll(read.problems());
		try {
			transaction.executeWithoutResult(status -> write(read, run, status));
		}
		catch (PessimisticLockingFailureException ex) {
			throw new Conflict("Another import has been running for too long to wait for: imports run one at a time, "
					+ "so that two files never create the same person twice. Try again when it has finished.");
		}
		ImportReport report = run.report();
		if (dryRun || !report.errors().isEmpty()) {
			// nothing was written, and the rolled-back transaction took its entry with it
			audit.record(Action.IMPORTED, Entity.IMPORT, null, List.of(),
					(dryRun ? "dry run: " : "rejected, nothing written: ") + summary(report));
		}
		return report;
	}

	/** Writes the cards in the transaction of {@code status}, after any import before. */
	private void write(ReadFile read, Run run, TransactionStatus status) {
		importLock.forImport();
		List<CheckedCard> checked = new ArrayList<>();
		for (ImportedCard card : read.cards()) {
			try {
				checked.add(new CheckedCard(card, people.check(card.person())));
			}
			catch (InvalidInput ex) {
				run.reject(card, ex);
			}
		}
		run.lookUp(checked);
		for (CheckedCard card : checked) {
			try {
				run.apply(card.card(), card.draft());
			}
			catch (InvalidInput ex) {
				run.reject(card.card(), ex);
			}
		}
		run.flush();
		if (run.dryRun || !run.errors.isEmpty()) {
			status.setRollbackOnly();
		}
		else {
			audit.record(Action.IMPORTED, Entity.IMPORT, null, List.of(), summary(run.report()));
		}
	}

	private static String summary(ImportReport report) {
		return report.created() + " created, " + report.updated() + " updated, " + report.unchanged() + " unchanged, "
				+ report.duplicates().size() + " duplicates, " + report.errors().size() + " errors";
	}

	/**
	 * Reads an uploaded file: at most one byte more than allowed, so an oversized one is
	 * refused without being held.
	 */
	byte[] upload(InputStream in) throws IOException {
		long max = limits.maxFileSize().toBytes();
		byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
		if (bytes.length > max) {
			throw tooLarge(limits);
		}
		if (bytes.length == 0) {
			throw new InvalidInput("file", "is empty");
		}
		return bytes;
	}

	static InvalidInput tooLarge(ImportSettings limits) {
		return new InvalidInput("file", "is larger than the limit of " + limits.maxFileSize().toKilobytes() + " KB");
	}

	/**
	 * Decodes and recognises the file by its content, not its name; throws
	 * {@link InvalidInput}.
	 */
	private ReadFile read(byte[] file) {
		if (file.length > limits.maxFileSize().toBytes()) {
			throw tooLarge(limits);
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(file))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new InvalidInput("file", "is not valid UTF-8 text");
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		String start = text.stripLeading().toUpperCase(Locale.ROOT);
		if (start.startsWith("BEGIN:VCARD")) {
			return VcardFileReader.read(text, limits);
		}
		String header = start.lines().findFirst().orElse("");
		if (Stream.of("GIVENNAME", "FAMILYNAME", "DISPLAYNAME").anyMatch(header::contains)) {
			return CsvFileReader.read(text, limits);
		}
		throw new InvalidInput("file",
				"is neither a vCard file (BEGIN:VCARD …) nor a CSV file with a header row (givenName, familyName, …)");
	}

	/** How many people an import writes together. */
	private static final int WRITTEN_TOGETHER = 500;

	/** How many namesakes a report lists for a card. */
	private static final int NAMESAKES_LISTED = 5;

	/** A card and what it says, checked. */
	private record CheckedCard(ImportedCard card, PersonDraft draft) {
	}

	/** One import's progress and report. */
	private final class Run {

		final boolean dryRun;

		int created;

		int updated;

		int unchanged;

		final List<ImportReport.Entry> entries = new ArrayList<>();

		final List<ImportReport.Duplicate> duplicates = new ArrayList<>();

		final List<ImportReport.CardProblem> errors = new ArrayList<>();

		/** People this import has created or changed, and the card that did it first. */
		final Map<String, ImportedCard> touched = new HashMap<>();

		final LocalDate today = LocalDate.now(clock);

		Run(boolean dryRun) {
			this.dryRun = dryRun;
		}

		/** Who already has the contact points and names of the file's cards. */
		private Map<String, Set<String>> owners = Map.of();

		private Map<String, List<String>> namesakes = Map.of();

		/**
		 * The contact points and names of the people this import has created or changed
		 * so far, and who has them.
		 */
		private final Map<String, Set<String>> ownersInFile = new HashMap<>();

		private final Map<String, List<String>> namesakesInFile = new HashMap<>();

		/** People checked and waiting to be written together. */
		private final Map<String, NewPerson> pending = new LinkedHashMap<>();

		/**
		 * The people the cards matched, locked for this import, as they are now (updated
		 * after each write).
		 */
		private final Map<String, Person> matched = new HashMap<>();

		/** Matched people changed and waiting to be written together. */
		private final Map<String, People.Replacement> pendingUpdates = new LinkedHashMap<>();

		/**
		 * For each person waiting in {@link #pendingUpdates}, where their card's report
		 * entry is: its changes are known once written.
		 */
		private final Map<String, Integer> entryOf = new HashMap<>();

		/**
		 * The people waiting in {@link #pendingUpdates} whose card also changed an
		 * affiliation.
		 */
		private final Set<String> affiliated = new HashSet<>();

		void reject(ImportedCard card, InvalidInput ex) {
			ex.problems()
				.forEach(p -> errors.add(new ImportReport.CardProblem(card.card(), card.line(),
						card.card() == null ? p.field() : VcardFields.of(p.field()), p.message())));
		}

		/**
		 * Looks up everyone the cards could match, a few statements for the whole file.
		 */
		void lookUp(List<CheckedCard> cards) {
			ContactPoints wanted = new ContactPoints();
			cards.forEach(card -> wanted.add(card.card().uuid(), card.draft()));
			owners = personRepository.owners(wanted);
			matched.putAll(people.lockAll(owners.values().stream().flatMap(Set::stream).distinct().toList()));
			namesakes = personRepository.namesakes(cards.stream().map(card -> card.card().person().name()).toList(),
					NAMESAKES_LISTED);
			organisationsNamed = organisationRepository
				.idsByName(cards.stream().flatMap(card -> card.card().organisationUnits().stream()).toList());
			organisationRepository
				.namesFromTop(organisationsNamed.values().stream().flatMap(List::stream).distinct().toList())
				.forEach((id, names) -> foldedChains.put(id, names.stream().map(Folding::fold).toList()));
		}

		void apply(ImportedCard card, PersonDraft draft) {
			Set<String> matches = new LinkedHashSet<>();
			ContactPoints.keysOf(card.uuid(), draft).forEach(key -> {
				matches.addAll(owners.getOrDefault(key, Set.of()));
				matches.addAll(ownersInFile.getOrDefault(key, Set.of()));
			});
			if (matches.size() > 1) {
				duplicates.add(duplicate(card, List.copyOf(matches),
						"shares contact details with several people; not imported, merge them first", null));
				entries.add(entry(card, Outcome.SKIPPED, null, List.of()));
				return;
			}
			String organisationId = card.organisationUnits().isEmpty() ? null : organisationFor(card);
			if (matches.size() == 1) {
				String id = matches.iterator().next();
				if (pending.containsKey(id) || pendingUpdates.containsKey(id)) {
					// the same person as an earlier card: written first, then merged as
					// with anyone already there
					flush();
				}
				ImportedCard earlier = touched.get(id);
				if (earlier != null) {
					duplicates.add(duplicate(card, List.of(id),
							"the same person as "
									+ (earlier.card() != null ? "card " + earlier.card() : "line " + earlier.line())
									+ " of this file; merged into it",
							null));
				}
				// created earlier in this file, or matched by a value an earlier card
				// added
				Person existing = matched.containsKey(id) ? matched.get(id) : personRepository.find(id).orElseThrow();
				Optional<PersonDraft> replacement = update(existing, card, draft);
				boolean newAffiliation = affiliate(existing, card, organisationId);
				boolean changed = replacement.isPresent() || newAffiliation;
				if (earlier == null) {
					if (changed) {
						updated++;
					}
					else {
						unchanged++;
					}
					touched.put(id, card);
				}
				entries
					.add(entry(card, earlier != null ? Outcome.MERGED : changed ? Outcome.UPDATED : Outcome.UNCHANGED,
							id, newAffiliation ? List.of("affiliations") : List.of()));
				if (replacement.isPresent()) {
					// the fields that change are known once written
					pendingUpdates.put(id, new People.Replacement(existing, replacement.get()));
					entryOf.put(id, entries.size() - 1);
					if (newAffiliation) {
						affiliated.add(id);
					}
				}
				if (newAffiliation && !pendingUpdates.containsKey(id)) {
					// read again if another card names them
					matched.remove(id);
				}
				remember(id, card, draft);
				if (pendingUpdates.size() >= WRITTEN_TOGETHER) {
					flush();
				}
				return;
			}
			String id = card.uuid() != null ? card.uuid() : Ids.newId();
			PersonInput.Name name = card.person().name();
			if (name.familyName() != null || name.givenName() != null) {
				List<String> sameName = new ArrayList<>(namesakesOf(name));
				sameName.addAll(namesakesInFile.getOrDefault(nameKeyOf(name), List.of()));
				if (!sameName.isEmpty()) {
					List<String> listed = sameName.subList(0, Math.min(sameName.size(), NAMESAKES_LISTED));
					duplicates.add(duplicate(card, listed,
							"has the name of someone already in the directory but shares no contact details; created anyway",
							dryRun ? null : listed.stream().map(namesake -> Duplicates.pairId(id, namesake)).toList()));
				}
			}
			AffiliationInput affiliation = organisationId == null ? null
					: people.checkAffiliation(new AffiliationInput(organisationId, card.title(), departmentOf(card),
							card.role(), null, null, true));
			pending.put(id, new NewPerson(id, draft,
					affiliation == null ? List.of() : List.of(new NewPerson.NewAffiliation(Ids.newId(), affiliation))));
			created++;
			entries.add(entry(card, Outcome.CREATED, null, List.of()));
			touched.put(id, card);
			remember(id, card, draft);
			namesakesInFile.computeIfAbsent(nameKeyOf(name), k -> new ArrayList<>()).add(id);
			if (pending.size() >= WRITTEN_TOGETHER) {
				flush();
			}
		}

		/** Writes the people waiting to be written. */
		void flush() {
			people.createAll(List.copyOf(pending.values()));
			pending.clear();
			for (People.Replaced replaced : people.replaceAll(List.copyOf(pendingUpdates.values()))) {
				String id = replaced.after().id();
				if (affiliated.contains(id)) {
					// written apart: read again if another card names them
					matched.remove(id);
				}
				else {
					matched.put(id, replaced.after());
				}
				List<String> changes = new ArrayList<>(replaced.changedFields());
				if (affiliated.contains(id)) {
					changes.add("affiliations");
				}
				int index = entryOf.get(id);
				ImportReport.Entry entry = entries.get(index);
				entries.set(index, new ImportReport.Entry(entry.card(), entry.line(), entry.name(), entry.outcome(),
						entry.personId(), List.copyOf(changes)));
			}
			pendingUpdates.clear();
			entryOf.clear();
			affiliated.clear();
		}

		private void remember(String id, ImportedCard card, PersonDraft draft) {
			ContactPoints.keysOf(card.uuid(), draft)
				.forEach(key -> ownersInFile.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(id));
		}

		/**
		 * People of this name who were there before the import: looked up with the file
		 * when the name is whole, else now (a report lists a few namesakes, not every
		 * "John Smith" of a large directory).
		 */
		private List<String> namesakesOf(PersonInput.Name name) {
			if (name.familyName() != null && name.givenName() != null) {
				return namesakes.getOrDefault(nameKeyOf(name), List.of());
			}
			return personRepository.idsNamed(name.familyName(), name.givenName(), NAMESAKES_LISTED);
		}

		private static String nameKeyOf(PersonInput.Name name) {
			return ContactPoints.nameKey(name.familyName(), name.givenName());
		}

		/**
		 * What the person becomes with what the card knows added, checked; empty if
		 * nothing changes.
		 */
		private Optional<PersonDraft> update(Person existing, ImportedCard card, PersonDraft cardDraft) {
			PersonInput current = existing.toInput();
			PersonInput incoming = card.person();
			PersonInput.Name now = current.name();
			PersonInput.Name read = incoming.name();
			PersonInput.Name name = new PersonInput.Name(or(read.honorificPrefix(), now.honorificPrefix()),
					or(read.givenName(), now.givenName()), or(read.additionalNames(), now.additionalNames()),
					or(read.familyName(), now.familyName()), or(read.honorificSuffix(), now.honorificSuffix()),
					// a card that names the parts also decides whether a display name is
					// given
					read.givenName() != null || read.familyName() != null ? read.displayName()
							: or(read.displayName(), now.displayName()),
					or(read.nameOrder(), now.nameOrder()), or(read.phoneticGivenName(), now.phoneticGivenName()),
					or(read.phoneticFamilyName(), now.phoneticFamilyName()));
			PersonInput merged = new PersonInput(name, or(incoming.pronouns(), current.pronouns()),
					or(cardDraft.linkedinUrl(), current.linkedinUrl()),
					union(current.emails(), incoming.emails(), e -> e.value().toLowerCase(Locale.ROOT),
							e -> new PersonInput.EmailInput(e.value(), e.label(), e.visibility(), false)),
					union(current.phones(),
							cardDraft.phones()
								.stream()
								.map(p -> new PersonInput.PhoneInput(p.value(), p.kind(), p.label(), null, false))
								.toList(),
							PersonInput.PhoneInput::value, p -> p),
					union(current.topics(), incoming.topics(), t -> Folding.fold(t), t -> t),
					or(incoming.notes(), current.notes()), or(incoming.lawfulBasis(), current.lawfulBasis()),
					or(incoming.source(), current.source()));
			PersonDraft after = people.check(merged);
			return after.equals(people.check(current)) ? Optional.empty() : Optional.of(after);
		}

		/**
		 * Gives the person the card's title at its organisation, unless they have it
		 * already.
		 */
		private boolean affiliate(Person person, ImportedCard card, String organisationId) {
			if (organisationId == null) {
				return false;
			}
			String personId = person.id();
			String department = departmentOf(card);
			Optional<Affiliation> current = person.affiliations()
				.stream()
				.filter(a -> a.organisationId().equals(organisationId) && a.isCurrentOn(today))
				.findFirst();
			boolean noPrimary = person.affiliations().stream().noneMatch(a -> a.primary() && a.isCurrentOn(today));
			if (current.isEmpty()) {
				people.addAffiliation(personId, new AffiliationInput(organisationId, card.title(), department,
						card.role(), null, null, noPrimary), null);
				return true;
			}
			Affiliation affiliation = current.get();
			AffiliationInput wanted = new AffiliationInput(organisationId, or(card.title(), affiliation.title()),
					or(department, affiliation.department()), or(card.role(), affiliation.role()),
					affiliation.startDate(), affiliation.endDate(), affiliation.primary());
			if (wanted.equals(affiliation.toInput())) {
				return false;
			}
			people.replaceAffiliation(personId, affiliation.id(), wanted, null);
			return true;
		}

		private final Map<String, ResolvedOrganisation> resolved = new LinkedHashMap<>();

		/** The ids of the organisations with each name the file's cards give. */
		private Map<String, List<String>> organisationsNamed = Map.of();

		/** The folded names from the top down to each of those organisations. */
		private final Map<String, List<String>> foldedChains = new HashMap<>();

		/** Organisations this import created, by folded name. */
		private final Map<String, String> createdNamed = new HashMap<>();

		private record ResolvedOrganisation(String id, int depth) {
		}

		/**
		 * The organisation a card's ORG names: the deepest unit that is a known
		 * organisation whose own tree matches the units above it; else the top unit,
		 * created. The units below it are the department.
		 */
		private String organisationFor(ImportedCard card) {
			return resolve(card.organisationUnits()).id();
		}

		private String departmentOf(ImportedCard card) {
			List<String> units = card.organisationUnits();
			int depth = resolve(units).depth();
			return depth + 1 < units.size() ? String.join(", ", units.subList(depth + 1, units.size())) : null;
		}

		private ResolvedOrganisation resolve(List<String> units) {
			String key = String.join("\u0000", units.stream().map(Folding::fold).toList());
			ResolvedOrganisation known = resolved.get(key);
			if (known != null) {
				return known;
			}
			for (int depth = units.size() - 1; depth >= 0; depth--) {
				List<String> candidates = new ArrayList<>(organisationsNamed.getOrDefault(units.get(depth), List.of()));
				Optional.ofNullable(createdNamed.get(Folding.fold(units.get(depth)))).ifPresent(candidates::add);
				if (candidates.isEmpty()) {
					continue;
				}
				List<String> above = units.subList(0, depth + 1).stream().map(Folding::fold).toList();
				Optional<String> exact = candidates.stream()
					.filter(id -> above.equals(foldedChains.get(id)))
					.findFirst();
				if (exact.isPresent() || depth == 0) {
					ResolvedOrganisation found = new ResolvedOrganisation(exact.orElse(candidates.get(0)), depth);
					resolved.put(key, found);
					return found;
				}
			}
			Organisation created = organisations
				.create(new OrganisationInput(units.get(0), null, null, OrganisationKind.OTHER, null, null, null));
			createdNamed.put(Folding.fold(created.name()), created.id());
			foldedChains.put(created.id(), List.of(Folding.fold(created.name())));
			ResolvedOrganisation found = new ResolvedOrganisation(created.id(), 0);
			resolved.put(key, found);
			return found;
		}

		private ImportReport.Duplicate duplicate(ImportedCard card, List<String> ids, String reason,
				List<String> suggestionIds) {
			return new ImportReport.Duplicate(card.card(), card.card() == null ? card.line() : null, card.name(), ids,
					reason, suggestionIds);
		}

		private ImportReport.Entry entry(ImportedCard card, Outcome outcome, String personId, List<String> changes) {
			return new ImportReport.Entry(card.card(), card.card() == null ? card.line() : null, card.name(), outcome,
					personId, List.copyOf(changes));
		}

		ImportReport report() {
			return new ImportReport(dryRun, created, updated, unchanged, List.copyOf(entries), List.copyOf(duplicates),
					List.copyOf(errors));
		}

	}

	private static <T> T or(T preferred, T fallback) {
		return preferred != null ? preferred : fallback;
	}

	/** The existing values, then the new ones not among them (by key). */
	private static <T> List<T> union(List<T> existing, List<T> incoming, Function<T, String> key,
			UnaryOperator<T> asAdded) {
		Set<String> keys = new LinkedHashSet<>();
		List<T> result = new ArrayList<>();
		for (T value : existing == null ? List.<T>of() : existing) {
			keys.add(key.apply(value));
			result.add(value);
		}
		for (T value : incoming == null ? List.<T>of() : incoming) {
			if (keys.add(key.apply(value))) {
				result.add(asAdded.apply(value));
			}
		}
		return result;
	}

}

package org.pressdesk.article;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.pressdesk.article.ArticleRepository.AffiliationNow;
import org.pressdesk.organisation.OrganisationRepository;
import org.pressdesk.person.Person;
import org.pressdesk.person.PersonRepository;
import org.pressdesk.system.FieldChecks;
import org.pressdesk.system.FieldProblem;
import org.pressdesk.system.InvalidInput;
import org.pressdesk.web.RequestBodies;
import org.pressdesk.web.RequestBodies.FurtherChecks;

import org.springframework.stereotype.Component;

/**
 * The rules of a contact block: who may be on it (a person once, with one of their own
 * affiliations, at most {@value #MAX_CONTACTS}), and what each contact shows "as
 * published".
 */
@Component
class ContactBlocks implements FurtherChecks {

	/** More than any press release names; keeps a block readable and a request small. */
	static final int MAX_CONTACTS = 50;

	private final ArticleRepository articles;

	private final PersonRepository people;

	private final OrganisationRepository organisations;

	private final RequestBodies bodies;

	private final Clock clock;

	ContactBlocks(ArticleRepository articles, PersonRepository people, OrganisationRepository organisations,
			RequestBodies bodies, Clock clock) {
		this.articles = articles;
		this.people = people;
		this.organisations = organisations;
		this.bodies = bodies;
		this.clock = clock;
	}

	/**
	 * The problems of a block in a body whose other fields could not all be read: who is
	 * unknown is told with the rest.
	 */
	@Override
	public List<FieldProblem> problemsOf(Object body) {
		List<?> block = body instanceof ArticleWrite write ? write.contacts()
				: body instanceof List<?> list ? list : null;
		if (block == null || !block.stream().allMatch(entry -> entry == null || entry instanceof ContactInput)) {
			return List.of();
		}
		return FurtherChecks.problemsOf(() -> check(block.stream().map(ContactInput.class::cast).toList()));
	}

	/**
	 * Checks each requested contact; every problem is reported by its place in the list.
	 */
	List<StoredContact> check(List<ContactInput> requested) {
		if (requested == null) {
			throw new InvalidInput("contacts", "a JSON array of contacts is required");
		}
		if (requested.size() > MAX_CONTACTS) {
			throw new InvalidInput("contacts", "at most " + MAX_CONTACTS + " contacts");
		}
		FieldChecks checks = new FieldChecks();
		for (int i = 0; i < requested.size(); i++) {
			String field = "contacts[" + i + "]";
			if (requested.get(i) == null) {
				checks.add(field, "must be a contact");
				continue;
			}
			bodies.violations(requested.get(i)).forEach(p -> checks.add(field + "." + p.field(), p.message()));
		}
		// who is unknown is told together with what else is wrong
		Map<String, Person> persons = people
			.findAll(requested.stream()
				.filter(Objects::nonNull)
				.map(ContactInput::personId)
				.filter(Objects::nonNull)
				.toList())
			.stream()
			.collect(Collectors.toMap(Person::id, Function.identity()));
		LocalDate today = LocalDate.now(clock);
		Set<String> seen = new HashSet<>();
		List<StoredContact> contacts = new ArrayList<>();
		for (int i = 0; i < requested.size(); i++) {
			ContactInput contact = requested.get(i);
			String field = "contacts[" + i + "]";
			if (contact == null || contact.personId() == null || checks.has(field + ".personId")) {
				continue;
			}
			Person person = persons.get(contact.personId());
			if (person == null) {
				checks.add(field + ".personId", "no person has this id");
				continue;
			}
			if (!seen.add(person.id())) {
				checks.add(field + ".personId", "is already on the list; a person appears once per article");
				continue;
			}
			String affiliationId = contact.affiliationId();
			if (affiliationId == null) {
				affiliationId = person.currentAffiliation(today).map(a -> a.id()).orElse(null);
			}
			else if (person.affiliations().stream().noneMatch(a -> a.id().equals(contact.affiliationId()))) {
				checks.add(field + ".affiliationId", "is not an affiliation of this person");
				continue;
			}
			contacts.add(new StoredContact(person.id(), contact.role(), affiliationId, null, null));
		}
		checks.throwIfAny();
		return contacts;
	}

	/**
	 * The contacts with what they show at publication: kept from before for a person
	 * shown with the same affiliation, taken now for the others.
	 */
	List<StoredContact> asPublished(List<StoredContact> contacts, List<StoredContact> before) {
		List<String> affiliationIds = contacts.stream()
			.map(StoredContact::affiliationId)
			.filter(Objects::nonNull)
			.distinct()
			.toList();
		Map<String, AffiliationNow> shown = affiliationIds.isEmpty() ? Map.of()
				: articles.affiliationsNow(affiliationIds);
		Map<String, List<String>> names = organisations
			.namesFromTop(shown.values().stream().map(AffiliationNow::organisationId).distinct().toList());
		return asPublished(contacts, before, shown, names);
	}

	/**
	 * The rule itself: a contact shown with the same affiliation as before keeps what it
	 * showed then; any other shows its affiliation's title and organisation (names from
	 * the top of its tree) as they are now; one without an affiliation shows none.
	 */
	static List<StoredContact> asPublished(List<StoredContact> contacts, List<StoredContact> before,
			Map<String, AffiliationNow> shown, Map<String, List<String>> names) {
		return contacts.stream()
			.map(contact -> before.stream()
				.filter(old -> old.personId().equals(contact.personId())
						&& Objects.equals(old.affiliationId(), contact.affiliationId())
						&& old.publishedOrganisation() != null)
				.findFirst()
				.map(old -> new StoredContact(contact.personId(), contact.role(), contact.affiliationId(),
						old.publishedTitle(), old.publishedOrganisation()))
				.orElseGet(() -> {
					var affiliation = contact.affiliationId() == null ? null : shown.get(contact.affiliationId());
					return affiliation == null ? contact
							: new StoredContact(contact.personId(), contact.role(), contact.affiliationId(),
									affiliation.title(), names.getOrDefault(affiliation.organisationId(), List.of()));
				}))
			.toList();
	}

}

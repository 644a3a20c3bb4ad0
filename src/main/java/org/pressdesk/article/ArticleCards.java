package org.pressdesk.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import ezvcard.VCard;

import org.pressdesk.exchange.Audience;
import org.pressdesk.exchange.CardFormat;
import org.pressdesk.exchange.PersonCards;
import org.pressdesk.exchange.PersonCards.Workplace;
import org.pressdesk.organisation.OrganisationRepository;
import org.pressdesk.person.Affiliation;
import org.pressdesk.person.Person;
import org.pressdesk.person.PersonRepository;

import org.springframework.stereotype.Component;

/**
 * The contacts of an article as vCards, each with the workplace the article shows: as
 * published once it has been published, else the chosen affiliation as it is now.
 */
@Component
class ArticleCards {

	private final ArticleRepository articles;

	private final PersonRepository people;

	private final OrganisationRepository organisations;

	private final PersonCards cards;

	ArticleCards(ArticleRepository articles, PersonRepository people, OrganisationRepository organisations,
			PersonCards cards) {
		this.articles = articles;
		this.people = people;
		this.organisations = organisations;
		this.cards = cards;
	}

	/** Every contact of the article, with everything staff may see. */
	List<VCard> forStaff(Article article, CardFormat format) {
		List<StoredContact> contacts = articles.storedContacts(article.id());
		Map<String, Person> persons = people.findAll(contacts.stream().map(StoredContact::personId).toList())
			.stream()
			.collect(Collectors.toMap(Person::id, Function.identity()));
		Map<String, List<String>> names = organisations.namesFromTop(persons.values()
			.stream()
			.flatMap(person -> person.affiliations().stream())
			.map(Affiliation::organisationId)
			.distinct()
			.toList());
		List<VCard> result = new ArrayList<>();
		for (StoredContact contact : contacts) {
			Person person = persons.get(contact.personId());
			if (person == null) {
				// deleted since the block was read
				continue;
			}
			Workplace workplace = article.status() != ArticleStatus.DRAFT && contact.publishedOrganisation() != null
					? new Workplace(contact.publishedOrganisation(), contact.publishedTitle(), null)
					: person.affiliations()
						.stream()
						.filter(a -> a.id().equals(contact.affiliationId()))
						.findFirst()
						.map(a -> Workplace.of(a, names))
						.orElse(null);
			result.add(cards.toCard(person, workplace, Audience.STAFF, format));
		}
		return result;
	}

	/**
	 * The public block's contacts: PUBLIC values only (the query saw to that), as
	 * published.
	 */
	List<VCard> forPublic(PublicBlock block, CardFormat format) {
		return block.contacts()
			.stream()
			.map(contact -> cards.toCard(contact.person(), new Workplace(contact.organisation(), contact.title(), null),
					Audience.PUBLIC, format))
			.toList();
	}

}

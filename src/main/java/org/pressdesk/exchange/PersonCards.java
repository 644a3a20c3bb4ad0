package org.pressdesk.exchange;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import ezvcard.VCard;
import ezvcard.parameter.EmailType;
import ezvcard.parameter.Encoding;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Organization;
import ezvcard.property.RawProperty;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.property.TextProperty;
import ezvcard.property.Uid;
import ezvcard.property.Url;
import ezvcard.property.VCardProperty;

import org.pressdesk.person.Affiliation;
import org.pressdesk.person.Email;
import org.pressdesk.person.NameOrder;
import org.pressdesk.person.ExportCards;
import org.pressdesk.person.Person;
import org.pressdesk.person.Phone;
import org.pressdesk.person.PhoneNumbers;
import org.pressdesk.person.Visibility;
import org.pressdesk.text.LinkedIn;

import org.springframework.stereotype.Component;

/**
 * A person as a vCard that Apple, Google, Outlook, Android and Thunderbird all read the
 * same way: see ../shared/design/VCARD.md for why each field is written as it is.
 */
@Component
public class PersonCards implements ExportCards {

	private final PhoneNumbers phoneNumbers;

	PersonCards(PhoneNumbers phoneNumbers) {
		this.phoneNumbers = phoneNumbers;
	}

	/**
	 * What a card says about where the person works: ORG (the organisation's names from
	 * the top of its tree down, then the department), TITLE and ROLE.
	 */
	public record Workplace(List<String> organisation, String title, String role) {

		/**
		 * @param organisationNames for each organisation id, the names from the top of
		 * its tree down
		 */
		public static Workplace of(Affiliation affiliation, Map<String, List<String>> organisationNames) {
			List<String> organisation = new ArrayList<>(organisationNames.getOrDefault(affiliation.organisationId(),
					List.of(affiliation.organisationName())));
			if (affiliation.department() != null) {
				organisation.add(affiliation.department());
			}
			return new Workplace(organisation, affiliation.title(), affiliation.role());
		}

	}

	/** The staff's vCard 3.0 of the person, the bulk export's default. */
	@Override
	public byte[] exportCard(Person person, Map<String, List<String>> organisationNames, LocalDate today) {
		return CardFiles.toBytes(List.of(toCard(person, organisationNames, Audience.STAFF, CardFormat.VCARD_3, today)),
				CardFormat.VCARD_3);
	}

	/**
	 * The person with their current affiliation.
	 * @param organisationNames for each organisation id, the names from the top of its
	 * tree down
	 * @param today what counts as a current affiliation
	 */
	public VCard toCard(Person person, Map<String, List<String>> organisationNames, Audience audience,
			CardFormat format, LocalDate today) {
		Workplace workplace = person.currentAffiliation(today)
			.map(affiliation -> Workplace.of(affiliation, organisationNames))
			.orElse(null);
		return toCard(person, workplace, audience, format);
	}

	/**
	 * The person with the given workplace (an article shows the one chosen for it), or
	 * none when null.
	 */
	public VCard toCard(Person person, Workplace workplace, Audience audience, CardFormat format) {
		VCard card = new VCard();

		StructuredName name = new StructuredName();
		name.setFamily(person.name().familyName());
		name.setGiven(person.name().givenName());
		if (person.name().additionalNames() != null) {
			name.getAdditionalNames().add(person.name().additionalNames());
		}
		if (person.name().honorificPrefix() != null) {
			name.getPrefixes().add(person.name().honorificPrefix());
		}
		if (person.name().honorificSuffix() != null) {
			name.getSuffixes().add(person.name().honorificSuffix());
		}
		card.setStructuredName(name);
		card.setFormattedName(person.displayName());
		if (person.name().phoneticFamilyName() != null || person.name().phoneticGivenName() != null) {
			// Apple and Android read these; 3.0 sorts by SORT-STRING, 4.0 by N's SORT-AS
			raw(card, "X-PHONETIC-FIRST-NAME", person.name().phoneticGivenName());
			raw(card, "X-PHONETIC-LAST-NAME", person.name().phoneticFamilyName());
			if (format == CardFormat.VCARD_4) {
				// KDE reads a parameter as Latin-1 and sorts a kana reading as mojibake:
				// a
				// reading that is not ASCII is left to X-PHONETIC-*, which it reads right
				String sortAs = join(",", person.name().phoneticFamilyName(), person.name().phoneticGivenName());
				if (isAscii(sortAs)) {
					name.setSortAs(orEmpty(person.name().phoneticFamilyName()),
							orEmpty(person.name().phoneticGivenName()));
				}
			}
			else {
				card.setSortString(join(" ", person.name().phoneticFamilyName(), person.name().phoneticGivenName()));
			}
		}
		else if (person.name().nameOrder() == NameOrder.FAMILY_FIRST && format != CardFormat.VCARD_4) {
			card.setSortString(join(" ", person.name().familyName(), person.name().givenName()));
		}

		if (workplace != null) {
			if (!workplace.organisation().isEmpty()) {
				Organization organization = new Organization();
				organization.getValues().addAll(twoComponents(workplace.organisation()));
				card.setOrganization(organization);
			}
			if (workplace.title() != null) {
				card.addTitle(workplace.title());
			}
			if (workplace.role() != null) {
				card.addRole(workplace.role());
			}
		}

		for (var phone : primaryFirst(person.phones(), Phone::primary)) {
			if (audience == Audience.PUBLIC && phone.visibility() != Visibility.PUBLIC) {
				continue;
			}
			// formatted when written (V7); numbers written earlier may still wait for the
			// backfill
			Telephone telephone = new Telephone(
					phone.international() != null ? phone.international() : phoneNumbers.international(phone.value()));
			// the kind first for a mobile or fax: Thunderbird files a number by its first
			// type of home, work, cell, fax, and a "work,cell" mobile would be a second
			// work phone it does not show
			TelephoneType place = isHome(phone.label()) ? TelephoneType.HOME : TelephoneType.WORK;
			telephone.getTypes().addAll(switch (phone.kind()) {
				case MOBILE -> List.of(TelephoneType.CELL, place);
				case FAX -> List.of(TelephoneType.FAX, place);
				case VOICE -> List.of(place, TelephoneType.VOICE);
			});
			if (phone.primary()) {
				telephone.setPref(1);
			}
			card.addTelephoneNumber(telephone);
		}
		for (var email : primaryFirst(person.emails(), Email::primary)) {
			if (audience == Audience.PUBLIC && email.visibility() != Visibility.PUBLIC) {
				continue;
			}
			ezvcard.property.Email address = new ezvcard.property.Email(email.value());
			address.getTypes().add(isHome(email.label()) ? EmailType.HOME : EmailType.WORK);
			if (format != CardFormat.VCARD_4) {
				// 4.0 has no "internet" type
				address.getTypes().add(EmailType.INTERNET);
			}
			if (email.primary()) {
				address.setPref(1);
			}
			card.addEmail(address);
		}

		if (person.linkedinUrl() != null) {
			// a plain URL, which every client shows as the web page (KDE ignores a
			// grouped
			// item1.URL, and RFC 2426 gives URL no TYPE); Outlook files a URL without a
			// TYPE nowhere. Apple reads X-SOCIALPROFILE, RFC 9554 clients SOCIALPROFILE.
			Url url = new Url(person.linkedinUrl());
			if (format == CardFormat.OUTLOOK) {
				url.setType("work");
			}
			card.addUrl(url);
			RawProperty social = card.addExtendedProperty("X-SOCIALPROFILE", person.linkedinUrl());
			social.getParameters().setType("linkedin");
			if (format == CardFormat.VCARD_4) {
				RawProperty profile = card.addExtendedProperty("SOCIALPROFILE", person.linkedinUrl());
				profile.getParameters().put("SERVICE-TYPE", "LinkedIn");
			}
		}
		// topics are how the press office files people, not something to hand out
		if (audience == Audience.STAFF && !person.topics().isEmpty()) {
			card.setCategories(person.topics().toArray(String[]::new));
		}
		if (format == CardFormat.VCARD_4 && person.pronouns() != null) {
			raw(card, "PRONOUNS", person.pronouns());
		}
		card.setUid(new Uid("urn:uuid:" + person.id()));
		if (audience == Audience.STAFF) {
			// on a public card it would tell anyone when internal-only details changed
			card.setRevision(person.updatedAt());
		}

		if (format == CardFormat.OUTLOOK) {
			encodeForOutlook(card);
		}
		return card;
	}

	/**
	 * Outlook reads non-ASCII text in a 2.1 card only when the property says it is
	 * quoted-printable UTF-8, and files a TEL or URL without a TYPE nowhere.
	 */
	private static void encodeForOutlook(VCard card) {
		for (VCardProperty property : card.getProperties()) {
			boolean text = property instanceof TextProperty || property instanceof StructuredName
					|| property instanceof Organization || property instanceof RawProperty;
			if (text && !isAscii(textOf(property))) {
				property.getParameters().setEncoding(Encoding.QUOTED_PRINTABLE);
				property.getParameters().setCharset("UTF-8");
			}
		}
	}

	private static String textOf(VCardProperty property) {
		if (property instanceof StructuredName name) {
			List<String> parts = new ArrayList<>();
			parts.add(orEmpty(name.getFamily()));
			parts.add(orEmpty(name.getGiven()));
			parts.addAll(name.getAdditionalNames());
			parts.addAll(name.getPrefixes());
			parts.addAll(name.getSuffixes());
			return String.join(";", parts);
		}
		if (property instanceof Organization organization) {
			return String.join(";", organization.getValues());
		}
		if (property instanceof TextProperty text) {
			return orEmpty(text.getValue());
		}
		return orEmpty(((RawProperty) property).getValue());
	}

	/**
	 * ORG as two components, the top organisation and, joined into one, the units below
	 * it down to the person's own (and their department): Thunderbird, Evolution and KDE
	 * keep only the first two components, so a third would lose the person's own unit.
	 */
	static List<String> twoComponents(List<String> organisationChain) {
		if (organisationChain.size() <= 2) {
			return organisationChain;
		}
		return List.of(organisationChain.get(0),
				String.join(UNIT_SEPARATOR, organisationChain.subList(1, organisationChain.size())));
	}

	/** Between the units of an ORG's second component. */
	static final String UNIT_SEPARATOR = " › ";

	/**
	 * The primary value first: Evolution takes the first email and phone as the primary
	 * one (it ignores 4.0's PREF).
	 */
	private static <T> List<T> primaryFirst(List<T> values, Predicate<T> isPrimary) {
		return values.stream().sorted(Comparator.comparing(isPrimary::test).reversed()).toList();
	}

	private static boolean isAscii(String text) {
		return text.chars().allMatch(c -> c < 128);
	}

	private static boolean isHome(String label) {
		return label != null && label.toLowerCase(Locale.ROOT).contains("home");
	}

	private static void raw(VCard card, String name, String value) {
		if (value != null) {
			card.addExtendedProperty(name, value);
		}
	}

	private static String join(String separator, String... parts) {
		return String.join(separator, Arrays.stream(parts).filter(p -> p != null).toList());
	}

	private static String orEmpty(String text) {
		return text == null ? "" : text;
	}

}

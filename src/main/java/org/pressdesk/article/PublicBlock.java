package org.pressdesk.article;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.pressdesk.person.Email;
import org.pressdesk.person.Person;
import org.pressdesk.person.PersonName;
import org.pressdesk.person.Phone;

/**
 * The contact block of a published article as the public sees it: press contacts and
 * spokespeople, PUBLIC emails and phones only, titles and organisations as published.
 * Public only so that the page template may read it.
 */
public record PublicBlock(Header article, List<Contact> contacts) {

	public record Header(String id, String slug, String title, String summary, String url, Instant publishedAt,
			int version) {

		private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
			.withZone(ZoneOffset.UTC);

		/** The day of publication as a reader expects it: 16 October 2024 (UTC). */
		public String publishedDay() {
			return publishedAt == null ? null : DAY.format(publishedAt);
		}

	}

	/**
	 * {@code person} holds only what may be public; {@code organisation} is from the top
	 * of its tree down.
	 */
	public record Contact(Person person, ContactRole role, String title, List<String> organisation) {

		public String organisationName() {
			return organisation.isEmpty() ? null : organisation.get(organisation.size() - 1);
		}

		/**
		 * The organisation as a press release names it, from the person's own unit up to
		 * the top ("Cambridge Industrial Innovation Policy, Institute for Manufacturing,
		 * University of Cambridge"), or null.
		 */
		public String workplace() {
			List<String> upwards = new ArrayList<>(organisation);
			Collections.reverse(upwards);
			return upwards.isEmpty() ? null : String.join(", ", upwards);
		}

	}

	/**
	 * What a reader of the page and the cards sees, without versions and times: equal for
	 * two blocks exactly when nothing shown differs (an INTERNAL phone changed).
	 */
	record Shown(String slug, String title, String summary, String url, Instant publishedAt,
			List<ShownContact> contacts) {
	}

	record ShownContact(String personId, PersonName name, String pronouns, String linkedinUrl, List<Email> emails,
			List<Phone> phones, ContactRole role, String title, List<String> organisation) {
	}

	Shown shown() {
		return new Shown(article.slug(), article.title(), article.summary(), article.url(), article.publishedAt(),
				contacts.stream()
					.map(c -> new ShownContact(c.person().id(), c.person().name(), c.person().pronouns(),
							c.person().linkedinUrl(), c.person().emails(), c.person().phones(), c.role(), c.title(),
							c.organisation()))
					.toList());
	}

	/**
	 * The same block with one contact only; empty when that person is not shown on the
	 * article.
	 */
	Optional<PublicBlock> of(String personId) {
		return contacts.stream()
			.filter(c -> c.person().id().equals(personId))
			.findFirst()
			.map(c -> new PublicBlock(article, List.of(c)));
	}

}

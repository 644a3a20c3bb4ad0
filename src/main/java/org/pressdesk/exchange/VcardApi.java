package org.pressdesk.exchange;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import ezvcard.io.text.VCardWriter;

import org.pressdesk.audit.AuditTrail;
import org.pressdesk.audit.AuditTrail.Action;
import org.pressdesk.audit.AuditTrail.Entity;
import org.pressdesk.organisation.OrganisationRepository;
import org.pressdesk.person.Affiliation;
import org.pressdesk.person.Person;
import org.pressdesk.person.PersonRepository;
import org.pressdesk.person.PersonSearch;
import org.pressdesk.system.InvalidInput;
import org.pressdesk.web.ETags;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** vCards of people for staff and services, one at a time or all that match a search. */
@RestController
@RequestMapping("/api/v1/people")
class VcardApi {

	/**
	 * People read and written per batch of an export: memory stays flat however many
	 * there are.
	 */
	static final int EXPORT_BATCH = 1000;

	private final PersonRepository people;

	private final PersonSearch search;

	private final OrganisationRepository organisations;

	private final PersonCards cards;

	private final AuditTrail audit;

	private final Clock clock;

	VcardApi(PersonRepository people, PersonSearch search, OrganisationRepository organisations, PersonCards cards,
			AuditTrail audit, Clock clock) {
		this.people = people;
		this.search = search;
		this.organisations = organisations;
		this.cards = cards;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping("/{id}/vcard")
	ResponseEntity<byte[]> vcard(@PathVariable String id, @RequestParam(required = false) String version,
			@RequestParam(required = false) String target,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
		return cardOf(id, CardFormat.of(version, target, accept));
	}

	/**
	 * A person's card as a download: for the API here, and for the staff pages' download
	 * links.
	 */
	ResponseEntity<byte[]> cardOf(String id, CardFormat format) {
		Person person = people.get(id);
		audit.record(Action.EXPORTED, Entity.PERSON, id, List.of(), "vCard " + format);
		var card = cards.toCard(person, organisations.namesFromTop(organisationIdsOf(List.of(person))), Audience.STAFF,
				format, LocalDate.now(clock));
		return ResponseEntity.ok()
			.contentType(CardFiles.VCARD)
			.header(HttpHeaders.CONTENT_DISPOSITION, CardFiles.attachment(person.displayName(), ".vcf"))
			.eTag(ETags.of(person.version()))
			.body(CardFiles.toBytes(List.of(card), format));
	}

	/**
	 * Everyone matching the search filters of {@code GET /people}, as one .vcf or .csv,
	 * streamed.
	 */
	@GetMapping("/export")
	ResponseEntity<StreamingResponseBody> export(@RequestParam(defaultValue = "vcard") String format,
			@RequestParam(required = false) String q,
			@RequestParam(name = "organisation", required = false) String organisationId,
			@RequestParam(required = false) String topic, @RequestParam(required = false) String version) {
		LocalDate today = LocalDate.now(clock);
		audit.record(Action.EXPORTED, Entity.PERSON, null, List.of(),
				"export format=" + format + (q == null ? "" : " q=" + q)
						+ (organisationId == null ? "" : " organisation=" + organisationId)
						+ (topic == null ? "" : " topic=" + topic));
		if (format.equals("csv")) {
			return ResponseEntity.ok()
				.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"pressdesk-people.csv\"")
				.body(out -> {
					Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
					try (PeopleCsv.Rows csv = PeopleCsv.writer(writer)) {
						search.forEachBatch(q, organisationId, topic, EXPORT_BATCH,
								batch -> batch.forEach(person -> csv.write(person, today)));
					}
				});
		}
		if (!format.equals("vcard")) {
			throw new InvalidInput("format", "must be vcard or csv");
		}
		CardFormat cardFormat = CardFormat.of(version, null, null);
		ResponseEntity.BodyBuilder vcardFile = ResponseEntity.ok()
			.contentType(CardFiles.VCARD)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"pressdesk-people.vcf\"");
		if (cardFormat == CardFormat.VCARD_3) {
			// the default: made when each person was indexed (ExportCards)
			return vcardFile.body(out -> {
				OutputStream buffered = new BufferedOutputStream(out, 64 * 1024);
				search.forEachExportCard(q, organisationId, topic, card -> {
					try {
						buffered.write(card);
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				});
				buffered.flush();
			});
		}
		return vcardFile.body(out -> {
			Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
			VCardWriter vcards = CardFiles.writer(writer, cardFormat);
			var names = organisations.namesFromTopOfAll();
			search.forEachBatch(q, organisationId, topic, EXPORT_BATCH, batch -> batch.forEach(
					person -> CardFiles.write(vcards, cards.toCard(person, names, Audience.STAFF, cardFormat, today))));
			vcards.flush();
		});
	}

	static List<String> organisationIdsOf(List<Person> people) {
		return people.stream()
			.flatMap(person -> person.affiliations().stream())
			.map(Affiliation::organisationId)
			.distinct()
			.toList();
	}

}

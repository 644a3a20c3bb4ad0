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
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.pressdesk.audit.AuditTrail.Action;
import org.pressdesk.audit.AuditTrail.Entity;
import org.pressdesk.audit.AuditTrail;
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
@Tag(name = "vCards and files")
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

	/**
	 * Get a person's vCard, with what staff may see (INTERNAL emails and phones too):
	 * vCard 3.0 by default, 4.0 with {@code version=4.0} or
	 * {@code Accept: text/vcard;version=4.0}, and Outlook's 2.1 (quoted-printable UTF-8)
	 * with {@code target=outlook}.
	 * @param version the vCard version
	 * @param target {@code outlook} for a card Outlook reads whole
	 */
	@GetMapping("/{id}/vcard")
	@ApiResponse(responseCode = "200", description = "The card, as an attachment.",
			headers = @Header(name = "ETag", ref = "#/components/headers/ETag"),
			content = @Content(mediaType = "text/vcard", schema = @Schema(type = "string")))
	ResponseEntity<byte[]> getPersonVcard(@PathVariable String id,
			@RequestParam(required = false) @Parameter(
					schema = @Schema(allowableValues = { "3.0", "4.0" })) String version,
			@RequestParam(required = false) @Parameter(schema = @Schema(allowableValues = "outlook")) String target,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Parameter(hidden = true) String accept) {
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
	 * Export everyone matching the filters of a search, in order of name, as one .vcf or
	 * .csv file, streamed from one point-in-time view of the directory.
	 * @param format {@code vcard} or {@code csv}
	 * @param q as for a search
	 * @param organisationId as for a search
	 * @param topic as for a search
	 * @param version the vCard version
	 */
	@GetMapping("/export")
	@ApiResponse(responseCode = "200", description = "The file, as an attachment.",
			content = { @Content(mediaType = "text/vcard", schema = @Schema(type = "string")),
					@Content(mediaType = "text/csv", schema = @Schema(type = "string")) })
	ResponseEntity<StreamingResponseBody> exportPeople(
			@RequestParam(defaultValue = "vcard") @Parameter(
					schema = @Schema(allowableValues = { "vcard", "csv" }, defaultValue = "vcard")) String format,
			@RequestParam(required = false) String q,
			@RequestParam(name = "organisation", required = false) String organisationId,
			@RequestParam(required = false) String topic, @RequestParam(required = false) @Parameter(
					schema = @Schema(allowableValues = { "3.0", "4.0" })) String version) {
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

package org.pressdesk.exchange;

import java.io.IOException;
import java.io.InputStream;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.pressdesk.security.Callers;
import org.pressdesk.system.InvalidInput;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/v1/imports}: a .vcf or .csv file as the request body, or as the part
 * {@code file} of a form. 200 with the report when it was applied (or was a dry run); 422
 * with the report, and nothing changed, when any card was rejected. A caller that may not
 * read people gets a {@link ImportReport.Receipt} instead of the report.
 */
@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "vCards and files")
class ImportApi {

	private final Imports imports;

	private final ImportSettings limits;

	ImportApi(Imports imports, ImportSettings limits) {
		this.imports = imports;
		this.limits = limits;
	}

	// the same operation as the one below, for a form
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<?> importContacts(@RequestPart("file") MultipartFile file,
			@RequestParam(defaultValue = "false") boolean dryRun, Authentication caller) throws IOException {
		try (InputStream in = file.getInputStream()) {
			return respond(imports.run(imports.upload(in), dryRun), caller);
		}
	}

	/**
	 * Import a .vcf (vCard 2.1, 3.0 or 4.0, one card or many) or .csv file, as the body
	 * or as the part {@code file} of a form. Cards are matched to people already there by
	 * UID, email, phone and LinkedIn profile, and organisations by name; all or nothing.
	 * A caller that may not read people (the {@code import} scope alone) gets a receipt
	 * instead of the report.
	 * <p>
	 * The body is typed as what it is, never {@code text/plain} or a form encoding, which
	 * a page of another site could send with a plain HTML form.
	 * @param dryRun do all of it and roll back: the report says what a real import would
	 * do
	 */
	@ApiResponse(responseCode = "200", description = "Imported, or a dry run: what became of each card.",
			content = @Content(schema = @Schema(anyOf = { ImportReport.class, ImportReport.Receipt.class })))
	@ApiResponse(responseCode = "422",
			description = "A card or row was rejected: nothing was imported; errors says which and why.",
			content = @Content(schema = @Schema(anyOf = { ImportReport.class, ImportReport.Receipt.class })))
	@io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The file.",
			content = { @Content(mediaType = "text/vcard", schema = @Schema(type = "string")),
					@Content(mediaType = "text/csv", schema = @Schema(type = "string")),
					@Content(mediaType = "multipart/form-data", schema = @Schema(implementation = ImportForm.class)) })
	@PostMapping(consumes = { "text/vcard", "text/x-vcard", "text/directory", "text/csv", "application/csv",
			MediaType.APPLICATION_OCTET_STREAM_VALUE })
	ResponseEntity<?> importContacts(HttpServletRequest request, @RequestParam(defaultValue = "false") boolean dryRun,
			Authentication caller) throws IOException {
		if (request.getContentLengthLong() > limits.maxFileSize().toBytes()) {
			throw tooLarge();
		}
		try (InputStream in = request.getInputStream()) {
			return respond(imports.run(imports.upload(in), dryRun), caller);
		}
	}

	/** The form an import's file may come in. */
	private record ImportForm(@Schema(type = "string", format = "binary") String file) {
	}

	private InvalidInput tooLarge() {
		return Imports.tooLarge(limits);
	}

	private static ResponseEntity<?> respond(ImportReport report, Authentication caller) {
		boolean rejected = !report.dryRun() && !report.errors().isEmpty();
		return ResponseEntity.status(rejected ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK)
			.body(Callers.mayReadPeople(caller) ? report : report.withoutDirectoryDetails());
	}

}

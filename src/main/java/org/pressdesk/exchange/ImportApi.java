package org.pressdesk.exchange;

import java.io.IOException;
import java.io.InputStream;

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
class ImportApi {

	private final Imports imports;

	private final ImportSettings limits;

	ImportApi(Imports imports, ImportSettings limits) {
		this.imports = imports;
		this.limits = limits;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<?> importForm(@RequestPart("file") MultipartFile file,
			@RequestParam(defaultValue = "false") boolean dryRun, Authentication caller) throws IOException {
		try (InputStream in = file.getInputStream()) {
			return respond(imports.run(imports.upload(in), dryRun), caller);
		}
	}

	/**
	 * The file as the body, typed as what it is: not {@code text/plain} or a form
	 * encoding, which a page of another site could send with a plain HTML form.
	 */
	@PostMapping(consumes = { "text/vcard", "text/x-vcard", "text/directory", "text/csv", "application/csv",
			MediaType.APPLICATION_OCTET_STREAM_VALUE })
	ResponseEntity<?> importBody(HttpServletRequest request, @RequestParam(defaultValue = "false") boolean dryRun,
			Authentication caller) throws IOException {
		if (request.getContentLengthLong() > limits.maxFileSize().toBytes()) {
			throw tooLarge();
		}
		try (InputStream in = request.getInputStream()) {
			return respond(imports.run(imports.upload(in), dryRun), caller);
		}
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

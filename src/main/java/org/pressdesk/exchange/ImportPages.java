package org.pressdesk.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

import org.pressdesk.system.InvalidInput;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;

/**
 * Importing in the browser: upload a .vcf or .csv, read the dry run's report, then
 * confirm. The file waits in the user's session between the two steps, so what is
 * imported is exactly what was checked.
 */
@Controller
class ImportPages {

	private static final String PENDING = ImportPages.class.getName() + ".pending";

	private final Imports imports;

	ImportPages(Imports imports) {
		this.imports = imports;
	}

	/**
	 * An uploaded file awaiting confirmation; the token ties the confirmation to this
	 * upload. Serializable: sessions are kept in the database, so that the confirmation
	 * may reach another instance.
	 */
	private record Pending(String token, String name, byte[] file) implements Serializable {
	}

	@GetMapping("/imports")
	String form() {
		return "exchange/import";
	}

	@PostMapping("/imports")
	String dryRun(@RequestPart("file") MultipartFile file, HttpSession session, Model model) throws IOException {
		byte[] bytes;
		try (InputStream in = file.getInputStream()) {
			bytes = imports.upload(in);
			ImportReport report = imports.run(bytes, true);
			Pending pending = new Pending(UUID.randomUUID().toString(), file.getOriginalFilename(), bytes);
			session.setAttribute(PENDING, pending);
			model.addAttribute("report", report);
			model.addAttribute("token", pending.token());
			model.addAttribute("fileName", pending.name());
		}
		catch (InvalidInput ex) {
			model.addAttribute("fileError", ex.problems().get(0).message());
		}
		return "exchange/import";
	}

	@PostMapping("/imports/confirm")
	String confirm(@RequestParam String token, HttpSession session, Model model) {
		if (!(session.getAttribute(PENDING) instanceof Pending pending) || !pending.token().equals(token)) {
			model.addAttribute("fileError", "That upload is no longer waiting; please upload the file again.");
			return "exchange/import";
		}
		session.removeAttribute(PENDING);
		model.addAttribute("report", imports.run(pending.file(), false));
		model.addAttribute("fileName", pending.name());
		return "exchange/import";
	}

}

package org.pressdesk.exchange;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A person's vCard for staff signed in to the pages (the API's one takes HTTP Basic or a
 * key).
 */
@Controller
class CardDownloads {

	private final VcardApi api;

	CardDownloads(VcardApi api) {
		this.api = api;
	}

	@GetMapping("/people/{id}/card.vcf")
	ResponseEntity<byte[]> card(@PathVariable String id, @RequestParam(required = false) String version,
			@RequestParam(required = false) String target) {
		return api.cardOf(id, CardFormat.of(version, target, null));
	}

}

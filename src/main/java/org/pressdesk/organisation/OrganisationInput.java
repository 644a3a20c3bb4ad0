package org.pressdesk.organisation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.pressdesk.system.FieldChecks;
import org.pressdesk.system.FieldProblem;
import org.pressdesk.system.InvalidInput;
import org.pressdesk.text.LinkedIn;
import org.pressdesk.text.Texts;

/**
 * What a client may write about an organisation (create, or the result of a merge patch).
 */
public record OrganisationInput(@NotBlank @Size(max = 300) String name, @Size(max = 100) String shortName,
		@Size(max = 36) String parentId, OrganisationKind kind, String country, @Size(max = 500) String website,
		@Size(max = 500) String linkedinUrl) {

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	/**
	 * The same input with values in their stored form; throws {@link InvalidInput} naming
	 * the field.
	 */
	/** The same, placed under another organisation (null: at the top of a tree). */
	public OrganisationInput withParentId(String parentId) {
		return new OrganisationInput(name, shortName, parentId, kind, country, website, linkedinUrl);
	}

	OrganisationInput normalised(List<FieldProblem> earlier) {
		FieldChecks checks = new FieldChecks(earlier);
		OrganisationInput normalised = new OrganisationInput(name == null ? null : name.strip(),
				Texts.blankToNull(shortName), Texts.blankToNull(parentId), kind == null ? OrganisationKind.OTHER : kind,
				checks.check(() -> country(country)), checks.check(() -> website(website)),
				checks.check(() -> LinkedIn.page(Texts.blankToNull(linkedinUrl), "linkedinUrl")));
		checks.throwIfAny();
		return normalised;
	}

	private static String country(String country) {
		String code = Texts.blankToNull(country);
		if (code == null) {
			return null;
		}
		code = code.toUpperCase(Locale.ROOT);
		if (!COUNTRIES.contains(code)) {
			throw new InvalidInput("country", "must be an ISO 3166-1 alpha-2 code such as GB");
		}
		return code;
	}

	private static String website(String website) {
		String url = Texts.blankToNull(website);
		if (url == null) {
			return null;
		}
		if (!url.contains("://")) {
			url = "https://" + url;
		}
		try {
			URI uri = new URI(url);
			if (("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null && uri.getHost().contains(".")) {
				return uri.toString();
			}
		}
		catch (URISyntaxException ex) {
			// reported below
		}
		throw new InvalidInput("website", "must be a web address such as https://www.example.org");
	}

}

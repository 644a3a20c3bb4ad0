package org.pressdesk.text;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.pressdesk.system.InvalidInput;

/**
 * Canonical LinkedIn links. People paste them in many shapes
 * ({@code uk.linkedin.com/in/Jane/}, {@code http://linkedin.com/in/jane?trk=…}); we keep
 * one: {@code https://www.linkedin.com/in/jane}.
 */
public final class LinkedIn {

	private static final Set<String> PAGE_KINDS = Set.of("company", "school", "showcase");

	private static final Pattern HANDLE = Pattern.compile("[\\p{L}\\p{N}_-]{2,100}");

	private LinkedIn() {
	}

	/** A person's profile ({@code /in/handle}); null stays null. */
	public static String profile(String url, String field) {
		return canonical(url, field, Set.of("in"),
				"a LinkedIn profile link like https://www.linkedin.com/in/jane-example");
	}

	/**
	 * An organisation's page ({@code /company/…}, {@code /school/…},
	 * {@code /showcase/…}); null stays null.
	 */
	public static String page(String url, String field) {
		return canonical(url, field, PAGE_KINDS, "a LinkedIn page link like https://www.linkedin.com/company/example");
	}

	private static String canonical(String url, String field, Set<String> kinds, String expected) {
		if (url == null) {
			return null;
		}
		String text = url.trim();
		if (!text.contains("://")) {
			text = "https://" + text;
		}
		try {
			URI uri = new URI(text);
			String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
			boolean linkedInHost = host.equals("linkedin.com") || host.endsWith(".linkedin.com");
			boolean webScheme = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
			String[] segments = uri.getRawPath() == null ? new String[0]
					: uri.getRawPath().replaceAll("^/+|/+$", "").split("/+");
			if (linkedInHost && webScheme && uri.getUserInfo() == null && segments.length == 2
					&& kinds.contains(segments[0].toLowerCase(Locale.ROOT))) {
				String handle = URLDecoder.decode(segments[1], StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
				if (HANDLE.matcher(handle).matches()) {
					return "https://www.linkedin.com/" + segments[0].toLowerCase(Locale.ROOT) + "/"
							+ URLEncoder.encode(handle, StandardCharsets.UTF_8);
				}
			}
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			// falls through to the error below
		}
		throw new InvalidInput(field, "must be " + expected);
	}

}

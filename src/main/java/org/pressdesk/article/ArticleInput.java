package org.pressdesk.article;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.pressdesk.system.FieldChecks;
import org.pressdesk.system.FieldProblem;
import org.pressdesk.system.InvalidInput;
import org.pressdesk.text.Folding;
import org.pressdesk.text.Texts;
import org.pressdesk.text.Topics;

/**
 * What a client may write about an article (create, create-or-update by reference, or the
 * result of a merge patch). Without a slug, one is made from the title.
 */
public record ArticleInput(@Size(max = 120) String slug, @NotBlank @Size(max = 500) String title,
		@Size(max = 5000) String summary, @Size(max = 1000) String url, ArticleStatus status, Instant publishedAt,
		@Size(max = 200) String externalRef, @Size(max = 50) List<@NotBlank @Size(max = 100) String> topics) {

	private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	/**
	 * Whether the text is a slug as we write them (the database compares them without
	 * case).
	 */
	static boolean isSlug(String text) {
		return text != null && SLUG.matcher(text).matches();
	}

	/**
	 * Lower-case ASCII words joined by hyphens, at most this long when made from a title.
	 */
	static final int GENERATED_SLUG_LENGTH = 80;

	/**
	 * The same input with values in their stored form; throws {@link InvalidInput} naming
	 * each bad field.
	 */
	ArticleInput normalised(List<FieldProblem> earlier) {
		FieldChecks checks = new FieldChecks(earlier);
		String cleanSlug = Texts.blankToNull(slug);
		if (cleanSlug != null && !checks.has("slug") && !SLUG.matcher(cleanSlug).matches()) {
			checks.add("slug", "must be lower-case letters and digits in words joined by single hyphens, "
					+ "e.g. strengthening-ties-2024");
		}
		String cleanUrl = checks.has("url") ? null : checks.check(() -> webAddress(Texts.blankToNull(url)));
		checks.throwIfAny();
		return new ArticleInput(cleanSlug, title.strip(), Texts.blankToNull(summary), cleanUrl,
				status == null ? ArticleStatus.DRAFT : status, publishedAt, Texts.blankToNull(externalRef),
				Topics.distinct(topics));
	}

	/**
	 * A slug made from the title: "Strengthening ties – 2024!" →
	 * "strengthening-ties-2024".
	 */
	String slugFromTitle() {
		String words = Folding.fold(title).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		if (words.length() > GENERATED_SLUG_LENGTH) {
			words = words.substring(0, GENERATED_SLUG_LENGTH);
			int lastHyphen = words.lastIndexOf('-');
			words = lastHyphen > 0 ? words.substring(0, lastHyphen) : words;
		}
		return words.isEmpty() ? "article" : words;
	}

	private static String webAddress(String url) {
		if (url == null) {
			return null;
		}
		try {
			URI uri = new URI(url);
			if (("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null) {
				return uri.toString();
			}
		}
		catch (URISyntaxException ex) {
			// reported below
		}
		throw new InvalidInput("url", "must be the article's web address, starting with https://");
	}

}

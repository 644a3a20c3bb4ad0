package org.pressdesk.article;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One entry of an article's contact block. Without {@code affiliationId} the person's
 * current (primary) affiliation is shown.
 */
public record ContactInput(@NotBlank @Size(max = 36) String personId, @NotNull ContactRole role,
		@Size(max = 36) String affiliationId) {
}

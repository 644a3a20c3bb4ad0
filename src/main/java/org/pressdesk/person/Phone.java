package org.pressdesk.person;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.NonNull;

/**
 * A phone number in E.164 form ({@code +441223000000}), and as dialled from abroad
 * ({@code +44 1223 000000}) for vCards. The second is derived, so it is not part of the
 * API.
 */
public record Phone(@NonNull String value, @JsonIgnore String international, @NonNull PhoneKind kind, String label,
		@NonNull Visibility visibility, boolean primary) {
}

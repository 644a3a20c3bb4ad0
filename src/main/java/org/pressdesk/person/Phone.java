package org.pressdesk.person;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A phone number in E.164 form ({@code +441223000000}), and as dialled from abroad
 * ({@code +44 1223 000000}) for vCards. The second is derived, so it is not part of the
 * API.
 */
public record Phone(String value, @JsonIgnore String international, PhoneKind kind, String label, Visibility visibility,
		boolean primary) {
}

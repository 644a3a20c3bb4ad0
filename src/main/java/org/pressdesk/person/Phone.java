package org.pressdesk.person;

/** A phone number in E.164 form ({@code +441223000000}). */
public record Phone(String value, PhoneKind kind, String label, Visibility visibility, boolean primary) {
}

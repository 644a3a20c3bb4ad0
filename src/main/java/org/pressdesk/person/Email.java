package org.pressdesk.person;

public record Email(String value, String label, Visibility visibility, boolean primary) {
}

package org.pressdesk.person;

import org.jspecify.annotations.NonNull;

public record Email(@NonNull String value, String label, @NonNull Visibility visibility, boolean primary) {
}

package org.pressdesk.system;

import java.util.List;

/** One page of a list: the items, and the cursor of the next page or null on the last one. */
public record Page<T>(List<T> items, String next) {
}

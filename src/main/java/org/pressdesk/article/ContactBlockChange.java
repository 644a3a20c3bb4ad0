package org.pressdesk.article;

import java.util.List;

/** An article's contact block before and after a merge moved a person's place on it. */
public record ContactBlockChange(String articleId, List<StoredContact> before, List<StoredContact> after) {
}

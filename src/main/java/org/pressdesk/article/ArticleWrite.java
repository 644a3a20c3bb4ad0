package org.pressdesk.article;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.Valid;

/**
 * An article's fields and, optionally, its contact block ({@code contacts}: the entries
 * of a contact block's replacement), so that a CMS publishes an article with its block in
 * one call and one transaction. Without {@code contacts} the block is left as it is.
 */
public record ArticleWrite(@JsonUnwrapped @Valid ArticleInput article, List<@Valid ContactInput> contacts) {
}

package org.pressdesk.security;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param rateLimitPerMinute staff page requests per minute per user, across all their
 * sessions ({@code PRESSDESK_PAGES_RATE_LIMIT_PER_MINUTE}); search as you type spends one
 * per pause in typing. {@code 0} turns the limit off (benchmarks).
 */
@Validated
@ConfigurationProperties("pressdesk.pages")
record PagesSettings(@Min(0) @DefaultValue("600") int rateLimitPerMinute) {
}

package org.pressdesk.security;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param rateLimitPerMinute API requests per minute per staff user or API client
 * ({@code PRESSDESK_API_RATE_LIMIT_PER_MINUTE}); a client may spend a minute's allowance
 * at once. {@code 0} turns the limit off (benchmarks).
 */
@Validated
@ConfigurationProperties("pressdesk.api")
record ApiSettings(@Min(0) @DefaultValue("1200") int rateLimitPerMinute) {
}

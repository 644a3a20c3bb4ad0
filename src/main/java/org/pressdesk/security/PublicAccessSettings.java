package org.pressdesk.security;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the public press pages ({@code pressdesk.public.*}).
 *
 * @param rateLimitPerMinute requests per minute per client address; a client may use a
 * whole minute's allowance at once. {@code 0} turns the limit off (benchmarks).
 * @param frameAncestors who may show the pages in a frame: a CSP {@code frame-ancestors}
 * source list such as {@code https://www.example.ac.uk}; nobody by default
 */
@Validated
@ConfigurationProperties("pressdesk.public")
record PublicAccessSettings(@Min(0) @DefaultValue("60") int rateLimitPerMinute,
		@NotBlank @DefaultValue("'none'") String frameAncestors) {
}

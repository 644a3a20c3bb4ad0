package org.pressdesk.security;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param freeFailures failed logins on one account from one address before each further
 * attempt must wait (1 s, doubling, at most 15 minutes)
 * @param addressFailures failed logins one address may make across all accounts in 15
 * minutes
 */
@Validated
@ConfigurationProperties("pressdesk.login-throttle")
record LoginThrottleSettings(@Min(1) @DefaultValue("5") int freeFailures,
		@Min(1) @DefaultValue("50") int addressFailures) {
}

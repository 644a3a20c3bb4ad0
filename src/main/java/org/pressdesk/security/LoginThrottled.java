package org.pressdesk.security;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/**
 * Too many failed logins from this address (on this account): try again after
 * {@link #retryAfter()}.
 */
class LoginThrottled extends AuthenticationException {

	private final Duration retryAfter;

	LoginThrottled(Duration retryAfter) {
		super("Too many failed logins");
		this.retryAfter = retryAfter;
	}

	long retryAfterSeconds() {
		return Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
	}

}

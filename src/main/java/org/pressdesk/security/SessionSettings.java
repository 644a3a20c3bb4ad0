package org.pressdesk.security;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param absoluteTimeout how long a browser session lasts after login, however active
 * ({@code PRESSDESK_SESSION_ABSOLUTE_TIMEOUT}); the idle timeout is
 * {@code server.servlet.session.timeout}
 */
@Validated
@ConfigurationProperties("pressdesk.session")
record SessionSettings(@NotNull @DefaultValue("8h") Duration absoluteTimeout) {
}

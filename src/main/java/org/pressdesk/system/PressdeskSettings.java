package org.pressdesk.system;

import java.time.ZoneId;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code pressdesk.*}, also read from the matching environment variables
 * ({@code PRESSDESK_DATA_DIR}, ...).
 *
 * @param adminPassword password of the bootstrap {@code admin} user; random and logged
 * once when empty
 * @param phoneDefaultRegion region assumed for phone numbers written without a country
 * code
 * @param demoData load the fictional demo directory into an empty database; when unset,
 * only an embedded database gets it
 * @param timeZone the press office's time zone, in which the staff pages show and take
 * dates and times ({@code PRESSDESK_TIME_ZONE}, e.g. Europe/London)
 */
@Validated
@ConfigurationProperties("pressdesk")
public record PressdeskSettings(String adminPassword,
		@NotNull @Pattern(regexp = "[A-Z]{2}") @DefaultValue("GB") String phoneDefaultRegion, Boolean demoData,
		@NotNull @DefaultValue("UTC") ZoneId timeZone) {
}

package org.pressdesk.security;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param usernameClaim the claim of the identity provider's ID token that holds the
 * Pressdesk username of the person signing in ({@code PRESSDESK_OIDC_USERNAME_CLAIM});
 * {@code email} is a common alternative
 */
@Validated
@ConfigurationProperties("pressdesk.oidc")
record OidcSettings(@NotBlank @DefaultValue("preferred_username") String usernameClaim) {
}

package org.pressdesk.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook settings ({@code pressdesk.webhooks.*}).
 *
 * @param allowPrivateNetworks receivers on loopback, private, link-local and metadata
 * addresses, and plain http, are allowed
 * ({@code PRESSDESK_WEBHOOKS_ALLOW_PRIVATE_NETWORKS}; tests and intranets)
 * @param secretKey the key the signing secrets are encrypted with in the database: 32
 * bytes, Base64 ({@code PRESSDESK_WEBHOOKS_SECRET_KEY}); the same on every instance.
 * Without it, a key file in the data directory ({@code webhook-secrets.key}) is made and
 * used
 */
@ConfigurationProperties("pressdesk.webhooks")
record WebhookSettings(@DefaultValue("false") boolean allowPrivateNetworks, String secretKey) {
}

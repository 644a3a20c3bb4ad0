package org.pressdesk.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param trustedProxies addresses (or CIDR ranges such as {@code 10.0.0.0/8}) of the
 * reverse proxies in front of the service; only a request from one of them may name its
 * client in {@code X-Forwarded-For} ({@code PRESSDESK_TRUSTED_PROXIES}, comma-separated;
 * none by default)
 */
@ConfigurationProperties("pressdesk")
public record ProxySettings(@DefaultValue List<String> trustedProxies) {
}

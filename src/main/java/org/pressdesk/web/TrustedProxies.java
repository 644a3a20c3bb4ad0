package org.pressdesk.web;

import java.util.List;

import org.apache.catalina.valves.RemoteIpValve;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * Believes {@code X-Forwarded-For} and {@code X-Forwarded-Proto} only from the reverse
 * proxies of {@code pressdesk.trusted-proxies}, through Tomcat's {@link RemoteIpValve}:
 * behind them, {@code request.getRemoteAddr()} is the client's address (for rate limits,
 * login throttling and the audit trail) and {@code isSecure()} says whether the client
 * used HTTPS. Without configured proxies the headers never count: anyone could write any
 * address in them.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

	private final List<String> ranges;

	TrustedProxies(ProxySettings settings) {
		this.ranges = settings.trustedProxies()
			.stream()
			.map(String::strip)
			.filter(s -> !s.isEmpty())
			.map(TrustedProxies::range)
			.toList();
	}

	@Override
	public void customize(ConfigurableTomcatWebServerFactory factory) {
		if (ranges.isEmpty()) {
			return;
		}
		RemoteIpValve valve = new RemoteIpValve();
		// a value with a "/" is read as CIDR ranges, one without as a regular expression
		valve.setInternalProxies(String.join(",", ranges));
		valve.setTrustedProxies(null);
		valve.setRemoteIpHeader("X-Forwarded-For");
		valve.setProtocolHeader("X-Forwarded-Proto");
		factory.addEngineValves(valve);
	}

	/** The address or range in CIDR notation; a lone address is a range of one. */
	private static String range(String text) {
		try {
			new IpAddressMatcher(text);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("pressdesk.trusted-proxies: not an IP address or CIDR range: " + text);
		}
		return text.contains("/") ? text : text + (text.contains(":") ? "/128" : "/32");
	}

}

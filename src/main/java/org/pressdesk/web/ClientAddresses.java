package org.pressdesk.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * The address of the client behind a request, for rate limits and the audit trail. The
 * {@code X-Forwarded-For} header is believed only as far as it was written by configured
 * proxies: anyone else could put any address in it.
 */
@Component
public class ClientAddresses {

	private final List<IpAddressMatcher> trusted;

	ClientAddresses(ProxySettings settings) {
		this.trusted = settings.trustedProxies()
			.stream()
			.map(String::strip)
			.filter(s -> !s.isEmpty())
			.map(ClientAddresses::range)
			.toList();
	}

	public String of(HttpServletRequest request) {
		String address = request.getRemoteAddr();
		String forwarded = request.getHeader("X-Forwarded-For");
		if (forwarded == null || !isTrusted(address)) {
			return address;
		}
		// each proxy appends the address it received the request from: read from the
		// right, and stop at the first hop that is not one of ours
		String[] hops = forwarded.split(",");
		for (int i = hops.length - 1; i >= 0; i--) {
			String hop = hops[i].strip();
			if (hop.isEmpty()) {
				continue;
			}
			if (!isTrusted(hop)) {
				return hop;
			}
			address = hop;
		}
		return address;
	}

	private boolean isTrusted(String address) {
		// an IP address literal only: nothing else in a header is ever looked up as a
		// name
		if (trusted.isEmpty() || address == null || !address.matches("[0-9a-fA-F:.]+")) {
			return false;
		}
		try {
			return trusted.stream().anyMatch(range -> range.matches(address));
		}
		catch (IllegalArgumentException notAnAddress) {
			return false;
		}
	}

	private static IpAddressMatcher range(String text) {
		try {
			return new IpAddressMatcher(text);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("pressdesk.trusted-proxies: not an IP address or CIDR range: " + text);
		}
	}

}

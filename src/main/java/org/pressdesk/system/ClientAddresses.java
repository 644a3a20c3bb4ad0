package org.pressdesk.system;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/**
 * The address of the client behind a request, for rate limits and the audit trail. The
 * {@code X-Forwarded-For} header is believed only as far as it was written by configured
 * proxies: anyone else could put any address in it.
 */
@Component
public class ClientAddresses {

	private final List<Range> trusted;

	ClientAddresses(ProxySettings settings) {
		this.trusted = settings.trustedProxies()
			.stream()
			.map(String::strip)
			.filter(s -> !s.isEmpty())
			.map(Range::of)
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
		if (trusted.isEmpty()) {
			return false;
		}
		byte[] bytes = literal(address);
		return bytes != null && trusted.stream().anyMatch(range -> range.contains(bytes));
	}

	/**
	 * The bytes of an IP address literal; null for anything else (no name is ever looked
	 * up).
	 */
	private static byte[] literal(String address) {
		if (address == null || !address.matches("[0-9a-fA-F:.]+")) {
			return null;
		}
		try {
			return InetAddress.getByName(address).getAddress();
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	private record Range(byte[] network, int prefixLength) {

		static Range of(String text) {
			String[] parts = text.split("/", 2);
			byte[] network = literal(parts[0]);
			if (network == null) {
				throw new IllegalArgumentException(
						"pressdesk.trusted-proxies: not an IP address or CIDR range: " + text);
			}
			int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
			return new Range(network, prefix);
		}

		boolean contains(byte[] address) {
			if (address.length != network.length) {
				return false;
			}
			int shift = address.length * 8 - prefixLength;
			return new BigInteger(1, address).shiftRight(shift).equals(new BigInteger(1, network).shiftRight(shift));
		}

	}

}

package org.pressdesk.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Where webhooks may go: an https address on the public internet. Loopback, private,
 * link-local (cloud metadata), shared and unique-local addresses are refused, after DNS
 * resolution and again before every attempt (a name may resolve elsewhere later), unless
 * {@code PRESSDESK_WEBHOOKS_ALLOW_PRIVATE_NETWORKS=true}, which also allows http.
 */
@Component
class ReceiverAddresses {

	private final WebhookSettings settings;

	ReceiverAddresses(WebhookSettings settings) {
		this.settings = settings;
	}

	/** The address as given, checked; the problem in words otherwise. */
	Optional<String> problemWith(String url) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			return Optional.of("is not a web address");
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("https") && !(scheme.equals("http") && settings.allowPrivateNetworks())) {
			return Optional.of("must be an https address");
		}
		if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
			return Optional.of("must be an https address with a host, and no user name or fragment");
		}
		return problemWithHost(uri.getHost());
	}

	/** Whether the host resolves to addresses webhooks may reach, all of them. */
	Optional<String> problemWithHost(String host) {
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(host);
		}
		catch (UnknownHostException ex) {
			return Optional.of("has a host name that does not resolve");
		}
		if (settings.allowPrivateNetworks()) {
			return Optional.empty();
		}
		for (InetAddress address : addresses) {
			if (isPrivate(address)) {
				return Optional.of("resolves to a loopback, private or link-local address (" + address.getHostAddress()
						+ "), which webhooks may not reach");
			}
		}
		return Optional.empty();
	}

	static boolean isPrivate(InetAddress address) {
		if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
				|| address.isAnyLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		byte[] bytes = address.getAddress();
		if (bytes.length == 4) {
			int first = bytes[0] & 0xff;
			int second = bytes[1] & 0xff;
			// shared address space (carrier-grade NAT) and "this network"
			return first == 100 && second >= 64 && second <= 127 || first == 0;
		}
		// unique local fc00::/7, and IPv4 written in IPv6
		if ((bytes[0] & 0xfe) == 0xfc) {
			return true;
		}
		boolean mapped = true;
		for (int i = 0; i < 10; i++) {
			mapped &= bytes[i] == 0;
		}
		if (mapped && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
			try {
				return isPrivate(InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)));
			}
			catch (UnknownHostException impossible) {
				return true;
			}
		}
		return false;
	}

}

package org.pressdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressesTests {

	@Test
	void forwardedAddressesAreBelievedOnlyFromConfiguredProxies() {
		ClientAddresses addresses = new ClientAddresses(new ProxySettings(List.of("10.0.0.0/8", "2001:db8::1")));

		assertThat(addresses.of(request("203.0.113.5", "198.51.100.1"))).as("not from a proxy: the header is ignored")
			.isEqualTo("203.0.113.5");
		assertThat(addresses.of(request("10.1.2.3", "198.51.100.1"))).isEqualTo("198.51.100.1");
		assertThat(addresses.of(request("10.1.2.3", "1.2.3.4, 198.51.100.1, 10.9.9.9")))
			.as("the first hop left of our own proxies; what the client wrote before it is not believed")
			.isEqualTo("198.51.100.1");
		assertThat(addresses.of(request("2001:db8:0:0:0:0:0:1", "198.51.100.7"))).isEqualTo("198.51.100.7");
		assertThat(addresses.of(request("10.1.2.3", null))).isEqualTo("10.1.2.3");
		assertThat(addresses.of(request("10.1.2.3", "10.4.4.4"))).as("only proxies: the farthest one")
			.isEqualTo("10.4.4.4");
	}

	@Test
	void withoutConfiguredProxiesTheHeaderNeverCounts() {
		ClientAddresses addresses = new ClientAddresses(new ProxySettings(List.of()));
		assertThat(addresses.of(request("127.0.0.1", "198.51.100.1"))).isEqualTo("127.0.0.1");
	}

	private static MockHttpServletRequest request(String remote, String forwardedFor) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/press/x");
		request.setRemoteAddr(remote);
		if (forwardedFor != null) {
			request.addHeader("X-Forwarded-For", forwardedFor);
		}
		return request;
	}

}

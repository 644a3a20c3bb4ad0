package org.pressdesk.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/**
 * Where webhooks may go without {@code PRESSDESK_WEBHOOKS_ALLOW_PRIVATE_NETWORKS}: https
 * on the public internet; and how long a receiver may ask to be left alone.
 */
class ReceiverAddressesTests {

	private final ReceiverAddresses strict = new ReceiverAddresses(new WebhookSettings(false, null));

	@Test
	void loopbackPrivateLinkLocalAndMetadataAddressesAreRefusedAlsoWrittenInIpv6() throws Exception {
		for (String address : new String[] { "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
				"100.64.0.1", "0.0.0.0", "::1", "fe80::1", "fc00::1", "fd12:3456::1", "::ffff:10.0.0.1",
				"::ffff:127.0.0.1" }) {
			assertThat(ReceiverAddresses.isPrivate(InetAddress.getByName(address))).as(address).isTrue();
		}
		for (String address : new String[] { "93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c" }) {
			assertThat(ReceiverAddresses.isPrivate(InetAddress.getByName(address))).as(address).isFalse();
		}
		assertThat(strict.problemWith("https://127.0.0.1/hook")).get().asString().contains("loopback");
		assertThat(strict.problemWith("https://[::ffff:169.254.169.254]/latest/meta-data")).isPresent();
		assertThat(strict.problemWith("https://localhost/hook")).isPresent();
		assertThat(strict.problemWith("https://93.184.215.14/hook")).isEmpty();
	}

	@Test
	void onlyHttpsUnlessPrivateNetworksAreAllowed() {
		assertThat(strict.problemWith("http://93.184.215.14/hook")).get().asString().contains("https");
		assertThat(strict.problemWith("https://user:pw@93.184.215.14/hook")).isPresent();
		ReceiverAddresses lenient = new ReceiverAddresses(new WebhookSettings(true, null));
		assertThat(lenient.problemWith("http://127.0.0.1:8080/hook")).isEmpty();
		assertThat(lenient.problemWith("ftp://127.0.0.1/hook")).isPresent();
	}

	@Test
	void retryAfterIsSecondsOrADateAndAtMostADay() {
		Instant now = Instant.parse("2026-11-30T12:00:00Z");
		assertThat(WebhookSender.retryAfter("120", now)).contains(Duration.ofMinutes(2));
		assertThat(WebhookSender.retryAfter("Mon, 30 Nov 2026 12:05:00 GMT", now)).contains(Duration.ofMinutes(5));
		assertThat(WebhookSender.retryAfter("999999", now)).contains(Duration.ofDays(1));
		assertThat(WebhookSender.retryAfter("soon", now)).isEmpty();
	}

}

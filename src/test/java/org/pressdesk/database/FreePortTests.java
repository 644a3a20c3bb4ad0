package org.pressdesk.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

class FreePortTests {

	@Test
	void isFreeAndNeverOneOutgoingConnectionsTakeTheirOwnPortFrom() throws IOException {
		for (int i = 0; i < 100; i++) {
			int port = FreePort.pick();
			assertThat(port).isBetween(1024, 65535);
			assertThat(FreePort.outgoingRange().contains(port)).as("%d in %s", port, FreePort.outgoingRange())
				.isFalse();
			try (ServerSocket listening = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
				assertThat(listening.getLocalPort()).isEqualTo(port);
			}
		}
	}

	@Test
	void severalAreAllDifferent() {
		assertThat(FreePort.pick(500)).hasSize(500).doesNotHaveDuplicates();
	}

}

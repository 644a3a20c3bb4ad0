package org.pressdesk.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/**
 * A free loopback port for a server that its starter polls until it listens.
 * <p>
 * It lies outside the range the kernel takes the local ports of outgoing connections
 * from. Inside it, a client connecting again and again to a port nobody listens on yet is
 * at times given that very port as its own, and TCP then connects the socket to itself:
 * the port is taken, and the server that was to listen there stops with "Address already
 * in use". (A ServerSocket on port 0 is given a port of that range.)
 */
public final class FreePort {

	private static final Path LINUX_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

	/** IANA's dynamic ports, which macOS and Windows hand to outgoing connections. */
	private static final OutgoingRange IANA_RANGE = new OutgoingRange(49152, 65535);

	private static final int LOWEST = 1024;

	private static final int HIGHEST = 65535;

	private FreePort() {
	}

	public static int pick() {
		OutgoingRange outgoing = outgoingRange();
		int below = Math.max(0, outgoing.first() - LOWEST);
		int above = Math.max(0, HIGHEST - outgoing.last());
		if (below + above == 0) {
			return anyFreePort();
		}
		for (int attempt = 0; attempt < 1000; attempt++) {
			int candidate = ThreadLocalRandom.current().nextInt(below + above);
			int port = candidate < below ? LOWEST + candidate : outgoing.last() + 1 + candidate - below;
			if (isFree(port)) {
				return port;
			}
		}
		throw new IllegalStateException("No free port outside " + outgoing + " after 1000 attempts");
	}

	/** {@code count} free ports, all different. */
	public static int[] pick(int count) {
		return IntStream.generate(FreePort::pick).distinct().limit(count).toArray();
	}

	/** The local ports the kernel gives outgoing connections. */
	public static OutgoingRange outgoingRange() {
		try {
			if (Files.isReadable(LINUX_RANGE)) {
				// readString reads only the first byte of this file that claims a size of
				// 0
				String[] bounds = Files.readAllLines(LINUX_RANGE).get(0).strip().split("\\s+");
				return new OutgoingRange(Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1]));
			}
			return IANA_RANGE;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int anyFreePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			return true;
		}
		catch (IOException taken) {
			return false;
		}
	}

	public record OutgoingRange(int first, int last) {

		public boolean contains(int port) {
			return port >= this.first && port <= this.last;
		}

	}

}

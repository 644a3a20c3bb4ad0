package org.pressdesk.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on loopback: keeps what it receives, and answers as told (204 unless
 * told otherwise).
 */
public final class Receiver implements AutoCloseable {

	/** A request as received. */
	/**
	 * @param answered the status the receiver answered it with
	 */
	public record Received(String id, String timestamp, String signature, String body, int answered) {

		public String type() {
			return body.replaceAll("^\\{\"type\":\"([^\"]+)\".*$", "$1");
		}

	}

	/** An answer: a status, and a Retry-After or null. */
	private record Answer(int status, String retryAfter) {
	}

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final ConcurrentLinkedDeque<Answer> answers = new ConcurrentLinkedDeque<>();

	public Receiver() throws IOException {
		this(0);
	}

	/** A receiver on this port (0: any free one). */
	public Receiver(int port) throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		server.createContext("/hook", exchange -> {
			Answer answer = answers.poll();
			if (answer == null) {
				answer = new Answer(204, null);
			}
			try (InputStream body = exchange.getRequestBody()) {
				var headers = exchange.getRequestHeaders();
				received.add(new Received(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
						headers.getFirst("webhook-signature"), new String(body.readAllBytes(), StandardCharsets.UTF_8),
						answer.status()));
			}
			if (answer.retryAfter() != null) {
				exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
			}
			exchange.sendResponseHeaders(answer.status(), -1);
			exchange.close();
		});
		server.setExecutor(Executors.newFixedThreadPool(4));
		server.start();
	}

	public String url() {
		return "http://127.0.0.1:" + port() + "/hook";
	}

	public int port() {
		return server.getAddress().getPort();
	}

	/** The next requests get these answers, in order. */
	public void answer(int status, String retryAfter) {
		answers.add(new Answer(status, retryAfter));
	}

	public List<Received> received() {
		return new ArrayList<>(received);
	}

	/** Waits until {@code count} received requests match. */
	public List<Received> await(Predicate<Received> which, int count, Duration atMost) throws InterruptedException {
		long deadline = System.nanoTime() + atMost.toNanos();
		while (System.nanoTime() < deadline) {
			List<Received> matching = received.stream().filter(which).toList();
			if (matching.size() >= count) {
				return matching;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("received " + received.stream().filter(which).count() + " of " + count + " within "
				+ atMost + "; all: " + received);
	}

	@Override
	public void close() {
		server.stop(0);
	}

}

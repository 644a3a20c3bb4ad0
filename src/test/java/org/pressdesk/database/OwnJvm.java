package org.pressdesk.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.pressdesk.Http;
import org.pressdesk.PressdeskApplication;
import org.pressdesk.TestDatabase;

/**
 * The service in a JVM of its own, as in production: it can be killed like a real one,
 * and several can start at the same moment (in one JVM they would share, and race for,
 * the logging system).
 */
final class OwnJvm {

	private OwnJvm() {
	}

	/** Starts it; its output goes to {@code name}.log in the data directory. */
	static Process launch(Path dataDir, int port, String adminPassword, String name, String... settings)
			throws IOException {
		Files.createDirectories(dataDir);
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
				PressdeskApplication.class.getName(), "--server.port=" + port, "--pressdesk.data-dir=" + dataDir,
				"--pressdesk.admin-password=" + adminPassword, "--pressdesk.demo-data=false",
				"--pressdesk.api.rate-limit-per-minute=0",
				"--pressdesk.embedded-db.binaries=" + TestDatabase.BINARIES.toAbsolutePath()));
		command.addAll(List.of(settings));
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(dataDir.resolve(name + ".log").toFile())
			.start();
	}

	/** Waits until it answers its health check; the admin's client. */
	static Http awaitHealthy(Process service, int port, String adminPassword) throws InterruptedException {
		Http anonymous = Http.anonymous(port);
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
		while (System.nanoTime() < deadline) {
			assertThat(service.isAlive()).as("the service is running").isTrue();
			try {
				if (anonymous.get("/actuator/health").status() == 200) {
					return anonymous.as("admin", adminPassword);
				}
			}
			catch (IllegalStateException notListening) {
				// not yet
			}
			Thread.sleep(250);
		}
		throw new AssertionError("the service did not become healthy within 3 minutes");
	}

	static void stop(Process service) throws InterruptedException {
		if (service != null && service.isAlive()) {
			service.destroy();
			if (!service.waitFor(1, TimeUnit.MINUTES)) {
				service.destroyForcibly();
			}
		}
	}

}

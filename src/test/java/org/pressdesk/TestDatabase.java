package org.pressdesk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

import org.pressdesk.database.EmbeddedDatabaseSettings;
import org.pressdesk.database.EmbeddedMariaDb;

/**
 * One real MariaDB server for the whole test JVM, started on first use under target/ and
 * stopped, its directory deleted, when the JVM exits (each run's copy takes about 500
 * MB). Test classes share it (and the schema), so they create their own data with unique
 * names rather than assuming an empty directory.
 */
public final class TestDatabase {

	/**
	 * The MariaDB binaries, unpacked once for every test (about 400 MB and a few seconds
	 * each time otherwise); pass {@link #BINARIES_SETTING} to a service started by a
	 * test.
	 */
	public static final Path BINARIES = Path.of("target", "mariadb-binaries");

	public static final String BINARIES_SETTING = "--pressdesk.embedded-db.binaries=" + BINARIES;

	private static EmbeddedMariaDb database;

	private TestDatabase() {
	}

	public static synchronized String jdbcUrl() {
		if (database == null) {
			Path directory = Path.of("target", "test-mariadb", UUID.randomUUID().toString());
			database = EmbeddedMariaDb.start(directory, settings(0));
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				database.close();
				deleteDirectory(directory);
			}));
		}
		return database.jdbcUrl();
	}

	/**
	 * The embedded database's settings with the shared binaries, on a port (0: any free
	 * one).
	 */
	public static EmbeddedDatabaseSettings settings(int port) {
		EmbeddedDatabaseSettings defaults = EmbeddedDatabaseSettings.defaults();
		return new EmbeddedDatabaseSettings(defaults.startTimeout(), port, defaults.restartDelay(), BINARIES);
	}

	/** The service's account: rights on the shared database only. */
	public static String username() {
		jdbcUrl();
		return database.username();
	}

	public static String password() {
		jdbcUrl();
		return database.password();
	}

	/**
	 * Deletes a directory and everything in it, as far as it can: it is only disk space.
	 */
	public static void deleteDirectory(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			// left behind under target/, which mvn clean removes
		}
	}

	/**
	 * A new, empty database on the same server, for a test that needs a directory of its
	 * own; {@link #username()} may use it.
	 */
	public static String emptyDatabaseUrl() {
		String shared = jdbcUrl();
		String name = "pressdesk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		String server = shared.substring(0, shared.indexOf('/', "jdbc:mysql://".length()) + 1);
		String options = shared.substring(shared.indexOf('?'));
		try (var connection = DriverManager.getConnection(server + options, database.adminUsername(),
				database.adminPassword()); var statement = connection.createStatement()) {
			statement.execute("create database " + name + " character set utf8mb4 collate utf8mb4_unicode_ci");
			// the service's account, as on the shared database: rights on this database
			// only
			statement.execute("grant all privileges on " + name + ".* to '" + database.username() + "'@'127.0.0.1'");
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return server + name + options;
	}

}

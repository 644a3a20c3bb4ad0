package org.pressdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.pressdesk.Http;
import org.pressdesk.PressdeskApplication;
import org.pressdesk.TestDatabase;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service as a newcomer runs it: no datasource configured, so it starts its own MariaDB with
 * the data under the data directory, which must survive a restart.
 */
class EmbeddedDatabaseTests {

	private static final String PASSWORD = "restart test admin password";

	@Test
	void keepsTheDirectoryAcrossARestartAndStopsTheDatabaseWithTheService() throws Exception {
		Path dataDir = Path.of("target", "embedded-database-test", UUID.randomUUID().toString());
		try {
			String id;
			String jdbcUrl;
			try (ConfigurableApplicationContext service = start(dataDir)) {
				Http admin = client(service);
				assertThat(admin.get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
				assertThat(admin.get("/api/v1/people?q=yamada").json().get("items"))
					.as("an empty embedded database gets the fictional demo directory")
					.hasSize(1);
				id = admin.post("/api/v1/people", "{\"givenName\": \"Ren\", \"familyName\": \"Restart\"}")
					.json()
					.get("id")
					.asString();
				jdbcUrl = service.getBean(EmbeddedMariaDb.class).jdbcUrl();
				assertOnlyThePasswordOpensTheDatabase(jdbcUrl, dataDir);
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
				assertOnlyThePasswordOpensTheDatabase(service.getBean(EmbeddedMariaDb.class).jdbcUrl(), dataDir);
			}
		}
		finally {
			TestDatabase.deleteDirectory(dataDir);
		}
	}

	/**
	 * Any local user can reach a loopback port, so the server must check who connects: root needs
	 * the password kept beside the data, readable by its owner only, and there is no anonymous
	 * account.
	 */
	private static void assertOnlyThePasswordOpensTheDatabase(String jdbcUrl, Path dataDir) throws Exception {
		for (String user : List.of("root", "", "somebody")) {
			assertThatThrownBy(() -> DriverManager.getConnection(jdbcUrl, user, "").close())
				.as("'%s' without a password", user)
				.isInstanceOf(SQLException.class);
		}
		Path passwordFile = dataDir.resolve("mariadb-root-password");
		assertThat(Files.getPosixFilePermissions(passwordFile)).containsExactlyInAnyOrder(
				PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
		DriverManager.getConnection(jdbcUrl, "root", Files.readString(passwordFile).strip()).close();
	}

	private static ConfigurableApplicationContext start(Path dataDir) {
		return new SpringApplicationBuilder(PressdeskApplication.class)
			// arguments, not default properties: they must win over the environment (PRESSDESK_DATA_DIR, …)
			.run("--server.port=0", "--pressdesk.data-dir=" + dataDir, "--pressdesk.admin-password=" + PASSWORD);
	}

	private static Http client(ConfigurableApplicationContext service) {
		int port = ((WebServerApplicationContext) service).getWebServer().getPort();
		return Http.anonymous(port).as("admin", PASSWORD);
	}

}

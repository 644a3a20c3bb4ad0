package org.pressdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mysql.MySQLContainer;
import tools.jackson.databind.JsonNode;

import org.pressdesk.Http;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same schema and queries on MySQL 8.4, where Docker is available; skipped without it
 * (as on our build machines, where the suite runs on the embedded MariaDB).
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "pressdesk.admin-password=mysql test chief password", "pressdesk.demo-data=true" })
class MySqlCompatibilityTests {

	@Container
	static final MySQLContainer mysql = new MySQLContainer("mysql:8.4");

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void mysqlDatabase(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", mysql::getJdbcUrl);
		registry.add("spring.datasource.username", mysql::getUsername);
		registry.add("spring.datasource.password", mysql::getPassword);
	}

	@Test
	void migratesLoadsTheDemoAndSearchesOnMySql() {
		Http admin = Http.anonymous(port).as("admin", "mysql test chief password");

		JsonNode page = admin.get("/api/v1/people?q=" + Http.query("lopez")).json();
		JsonNode found = admin.get("/api/v1/people?q=nunez").json();
		String id = found.get("items").get(0).get("id").asString();
		JsonNode person = admin.get("/api/v1/people/" + id).json();

		assertThat(page.get("items")).isEmpty();
		assertThat(person.get("emails")).isNotEmpty();
		assertThat(person.get("affiliations").get(0).get("organisationName").asString()).isNotBlank();
		assertThat(admin.patch("/api/v1/people/" + id, "{\"givenName\": \"Janet\"}").status()).isEqualTo(200);
	}

}

package org.pressdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.pressdesk.Http;
import org.pressdesk.PressdeskApplication;
import org.pressdesk.TestDatabase;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The fictional demo directory never lands in an external database unless someone asks
 * for it.
 */
class DemoDirectoryTests {

	private static final String PASSWORD = "demo test chief password";

	@Test
	void anExternalDatabaseGetsNoDemoDirectoryByDefault() {
		try (ConfigurableApplicationContext service = start(TestDatabase.emptyDatabaseUrl())) {
			assertThat(client(service).get("/api/v1/people").json().get("items")).isEmpty();
		}
	}

	@Test
	void anExternalDatabaseGetsItWhenAsked() {
		try (ConfigurableApplicationContext service = start(TestDatabase.emptyDatabaseUrl(),
				"--pressdesk.demo-data=true")) {
			assertThat(client(service).get("/api/v1/people?q=" + Http.query("zoë brontë")).json().get("items"))
				.hasSize(1);
			String page = Http.anonymous(((WebServerApplicationContext) service).getWebServer().getPort())
				.get("/press/imaginary-manufacturing-hub")
				.body();
			assertThat(page).as("a published article to try the public side with")
				.contains("Jane Example-Núñez", "Head of Policy Links", "Alan")
				.doesNotContain("07700 900001");
		}
	}

	private static ConfigurableApplicationContext start(String url, String... more) {
		String[] args = { "--server.port=0", "--spring.datasource.url=" + url,
				"--spring.datasource.username=" + TestDatabase.username(),
				"--spring.datasource.password=" + TestDatabase.password(), "--pressdesk.admin-password=" + PASSWORD };
		String[] all = new String[args.length + more.length];
		System.arraycopy(args, 0, all, 0, args.length);
		System.arraycopy(more, 0, all, args.length, more.length);
		return new SpringApplicationBuilder(PressdeskApplication.class).run(all);
	}

	private static Http client(ConfigurableApplicationContext service) {
		int port = ((WebServerApplicationContext) service).getWebServer().getPort();
		return Http.anonymous(port).as("admin", PASSWORD);
	}

}

package org.pressdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.pressdesk.PressdeskApplication;
import org.pressdesk.TestDatabase;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A start refused for a setting says which and what to do, without a stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTests {

	@Test
	void anAdminPasswordThePolicyRefusesIsOneSentenceAndARemedy(CapturedOutput output) {
		assertThatThrownBy(() -> new SpringApplicationBuilder(PressdeskApplication.class)
			.properties("server.port=0", "pressdesk.demo-data=false",
					"pressdesk.admin-password=the admin password, long enough",
					"spring.datasource.url=" + TestDatabase.emptyDatabaseUrl(),
					"spring.datasource.username=" + TestDatabase.username(),
					"spring.datasource.password=" + TestDatabase.password())
			.run()).isInstanceOf(InvalidInput.class);

		assertThat(output).contains("Pressdesk did not start: PRESSDESK_ADMIN_PASSWORD must not contain",
				"Change PRESSDESK_ADMIN_PASSWORD and start again");
	}

}

package org.pressdesk.database;

import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Flyway as usual, reported in one line instead of Flyway's own half a dozen. */
@Configuration(proxyBeanMethods = false)
class SchemaMigration {

	private static final Logger log = LoggerFactory.getLogger(SchemaMigration.class);

	@Bean
	FlywayMigrationStrategy migrateAndSaySo() {
		return flyway -> {
			MigrateResult result = flyway.migrate();
			String version = flyway.info().current() == null ? "none"
					: flyway.info().current().getVersion().getVersion();
			log.info("Schema at version {} ({} migrations applied now)", version, result.migrationsExecuted);
		};
	}

}

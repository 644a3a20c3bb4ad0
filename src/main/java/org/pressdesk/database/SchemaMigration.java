package org.pressdesk.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Flyway as usual, reported in one line instead of Flyway's own half a dozen; one
 * instance at a time. Flyway's own lock is taken only once its history table exists, so
 * two instances starting together on an empty database could both create it and write its
 * first row: a named lock around the whole migration makes the second wait and find the
 * schema done (on Galera, where named locks are per node, as long as every instance
 * writes to the same first node, as the README says).
 */
@Configuration(proxyBeanMethods = false)
class SchemaMigration {

	private static final Logger log = LoggerFactory.getLogger(SchemaMigration.class);

	@Bean
	FlywayMigrationStrategy migrateAndSaySo() {
		return flyway -> {
			try (Connection lock = flyway.getConfiguration().getDataSource().getConnection()) {
				if (lockStatement(lock, "select get_lock('pressdesk-schema-migration', 600)") != 1) {
					throw new IllegalStateException("Another instance has been migrating the schema for 10 minutes");
				}
				try {
					MigrateResult result = flyway.migrate();
					String version = flyway.info().current() == null ? "none"
							: flyway.info().current().getVersion().getVersion();
					log.info("Schema at version {} ({} migrations applied now)", version, result.migrationsExecuted);
				}
				finally {
					lockStatement(lock, "select release_lock('pressdesk-schema-migration')");
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException("The schema migration's lock could not be taken", ex);
			}
		};
	}

	/** Runs GET_LOCK or RELEASE_LOCK: 1 when it did what was asked. */
	private static int lockStatement(Connection connection, String statement) throws SQLException {
		try (Statement lock = connection.createStatement(); ResultSet result = lock.executeQuery(statement)) {
			return result.next() ? result.getInt(1) : 0;
		}
	}

}

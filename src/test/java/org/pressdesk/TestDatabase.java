package org.pressdesk;

import java.nio.file.Path;
import java.util.UUID;

import org.pressdesk.system.EmbeddedMariaDb;

/**
 * One real MariaDB server for the whole test JVM, started on first use under target/ and stopped
 * when the JVM exits. Test classes share it (and the schema), so they create their own data with
 * unique names rather than assuming an empty directory.
 */
public final class TestDatabase {

	private static EmbeddedMariaDb database;

	private TestDatabase() {
	}

	public static synchronized String jdbcUrl() {
		if (database == null) {
			database = EmbeddedMariaDb.start(Path.of("target", "test-mariadb", UUID.randomUUID().toString()));
			Runtime.getRuntime().addShutdownHook(new Thread(database::close));
		}
		return database.jdbcUrl();
	}

}

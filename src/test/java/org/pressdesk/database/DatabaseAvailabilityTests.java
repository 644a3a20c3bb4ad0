package org.pressdesk.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.pressdesk.TestDatabase;

import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionSystemException;

/**
 * A transaction that could not end (a commit lost its connection to a database being
 * killed, and the rollback then found the connection closed) may or may not have
 * committed: it is answered as an outage (503) whether or not the database answers again
 * (a Galera cluster's next node), and the database is marked down only when it does not.
 */
class DatabaseAvailabilityTests {

	private static final TransactionSystemException ROLLBACK_FAILED = new TransactionSystemException(
			"JDBC rollback failed", new SQLException("Connection is closed"));

	@Test
	void aTransactionThatCouldNotEndWhileTheDatabaseIsAwayIsAnOutage() {
		DatabaseAvailability away = new DatabaseAvailability(
				new DriverManagerDataSource("jdbc:mysql://127.0.0.1:1/pressdesk?connectTimeout=200"), event -> {
				});
		try {
			assertThat(away.isOutage(ROLLBACK_FAILED)).isTrue();
			assertThat(away.isUp()).isFalse();
		}
		finally {
			away.destroy();
		}
	}

	@Test
	void theSameWhileTheDatabaseAnswersIsA503WithTheDatabaseUp() {
		DatabaseAvailability there = new DatabaseAvailability(
				new DriverManagerDataSource(TestDatabase.jdbcUrl(), TestDatabase.username(), TestDatabase.password()),
				event -> {
				});
		try {
			assertThat(there.isOutage(ROLLBACK_FAILED)).isTrue();
			assertThat(there.isUp()).isTrue();
		}
		finally {
			there.destroy();
		}
	}

}

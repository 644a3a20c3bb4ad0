package org.pressdesk.database;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the embedded MariaDB is run ({@code PRESSDESK_EMBEDDED_DB_…}); unused with an
 * external database. Its files are under {@code PRESSDESK_DATA_DIR}
 * ({@link DataDirectory}).
 *
 * @param startTimeout how long a start may take before it is given up (a first start on a
 * busy machine takes tens of seconds)
 * @param port the loopback port it listens on; 0 picks a free one at each start
 * @param restartDelay how long the supervisor waits before restarting a server that died
 * @param binaries where the server's binaries are unpacked; unset: {@code mariadb-base/}
 * in the data directory. Several data directories may share one (the tests do).
 */
@Validated
@ConfigurationProperties("pressdesk.embedded-db")
public record EmbeddedDatabaseSettings(@NotNull @DefaultValue("5m") Duration startTimeout,
		@Min(0) @Max(65535) @DefaultValue("0") int port, @NotNull @DefaultValue("1s") Duration restartDelay,
		Path binaries) {

	/** The defaults, for code that starts a server without Spring (tests, benchmarks). */
	public static EmbeddedDatabaseSettings defaults() {
		return new EmbeddedDatabaseSettings(Duration.ofMinutes(5), 0, Duration.ofSeconds(1), null);
	}

}

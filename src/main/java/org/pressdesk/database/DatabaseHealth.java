package org.pressdesk.database;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The database's part of {@code /actuator/health} and of readiness (not of liveness:
 * restarting the service does not bring a database back). Replaces Spring Boot's
 * {@code db} indicator, which would wait for a connection on every call while the
 * database is away.
 */
@Component("dbHealthIndicator")
class DatabaseHealth implements HealthIndicator {

	private final DatabaseAvailability availability;

	DatabaseHealth(DatabaseAvailability availability) {
		this.availability = availability;
	}

	@Override
	public Health health() {
		return availability.isUp() && availability.check() ? Health.up().build() : Health.down().build();
	}

}

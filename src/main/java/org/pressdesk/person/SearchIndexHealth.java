package org.pressdesk.person;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The search index's part of readiness: an instance that is still reading the directory
 * into its index at start is not ready (a load balancer sends searches elsewhere), but is
 * alive. An index Lucene gave up on is down: a restart rebuilds it.
 */
@Component("searchIndexHealthIndicator")
class SearchIndexHealth implements HealthIndicator {

	private final PersonIndex index;

	SearchIndexHealth(PersonIndex index) {
		this.index = index;
	}

	@Override
	public Health health() {
		if (index.isBroken()) {
			return Health.down().build();
		}
		return index.isBuilt() ? Health.up().build() : Health.outOfService().build();
	}

}

package org.pressdesk.system;

import static org.pressdesk.db.Tables.JOB_LEASE;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.jooq.DSLContext;

import org.springframework.stereotype.Component;

/**
 * Scheduled work done once across instances: every instance is scheduled to do it, and
 * the one that takes the job's lease in the database does; the others skip it until the
 * lease runs out. A lease as long as the job's interval (a little less, for the
 * schedule's drift) makes it once per interval, wherever it runs.
 */
@Component
public class Leases {

	/** Less than a schedule's drift between instances. */
	private static final Duration SLACK = Duration.ofSeconds(5);

	private final DSLContext db;

	private final Clock clock;

	/** This instance, in the lease's row: who ran it last. */
	private final String holder = ManagementFactory.getRuntimeMXBean().getName() + "/"
			+ UUID.randomUUID().toString().substring(0, 8);

	Leases(DSLContext db, Clock clock) {
		this.db = db;
		this.clock = clock;
	}

	/**
	 * Runs the work here when no instance has run it within {@code every}.
	 * @return whether it ran here
	 */
	public boolean runOnce(String job, Duration every, Runnable work) {
		Instant now = Instant.now(clock);
		Instant until = now.plus(every).minus(SLACK);
		boolean taken = db.update(JOB_LEASE)
			.set(JOB_LEASE.HOLDER, holder)
			.set(JOB_LEASE.LEASED_UNTIL, until)
			.where(JOB_LEASE.NAME.eq(job))
			.and(JOB_LEASE.LEASED_UNTIL.le(now))
			.execute() == 1
				|| db.insertInto(JOB_LEASE)
					.set(JOB_LEASE.NAME, job)
					.set(JOB_LEASE.HOLDER, holder)
					.set(JOB_LEASE.LEASED_UNTIL, until)
					.onDuplicateKeyIgnore()
					.execute() == 1;
		if (taken) {
			work.run();
		}
		return taken;
	}

}

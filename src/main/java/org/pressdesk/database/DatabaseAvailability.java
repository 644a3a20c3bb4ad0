package org.pressdesk.database;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.pressdesk.web.Outages;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether the database can be reached. A request that finds it gone marks it down; from
 * then on requests are answered 503 at once instead of each waiting for a connection,
 * readiness is REFUSING_TRAFFIC, and one probe a {@link #PROBE_INTERVAL} finds out when
 * it is back. An outage is logged when it starts and when it ends, not once per request.
 */
@Component
public class DatabaseAvailability implements Outages, DisposableBean {

	static final Duration PROBE_INTERVAL = Duration.ofMillis(500);

	private static final Logger log = LoggerFactory.getLogger(DatabaseAvailability.class);

	private final DataSource dataSource;

	private final ApplicationEventPublisher events;

	private final ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "database-probe");
		thread.setDaemon(true);
		return thread;
	});

	private volatile long downSince;

	private volatile boolean up = true;

	DatabaseAvailability(DataSource dataSource, ApplicationEventPublisher events) {
		this.dataSource = dataSource;
		this.events = events;
	}

	public boolean isUp() {
		return up;
	}

	/**
	 * Whether this failure means the database could not be used: it cannot be reached
	 * (then it is marked down), a transaction could not end, or no connection was free in
	 * time.
	 */
	@Override
	public boolean isOutage(Throwable failure) {
		if (cannotReach(failure)) {
			markDown(failure);
			return true;
		}
		// a transaction that could not end (the commit lost its connection, then the
		// rollback found it closed) may or may not have committed: a 503, as for an
		// outage, even when the database answers again (another node of a cluster took
		// over); whether it is down, the database itself says
		if (causes(failure).anyMatch(TransactionSystemException.class::isInstance)) {
			check();
			return true;
		}
		return noConnectionInTime(failure);
	}

	/** Asks the database itself; marks it down or up by the answer. */
	boolean check() {
		try (var connection = dataSource.getConnection()) {
			if (connection.isValid(2)) {
				markUp();
				return true;
			}
		}
		catch (SQLException ex) {
			if (cannotReach(ex) || noConnectionInTime(ex)) {
				markDown(ex);
				return false;
			}
		}
		markDown(new SQLException("the connection did not answer"));
		return false;
	}

	private synchronized void markDown(Throwable failure) {
		if (!up) {
			return;
		}
		up = false;
		downSince = System.nanoTime();
		log.warn("The database cannot be reached ({}); answering 503 until it is back", rootMessage(failure));
		AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
		probe.schedule(this::probeUntilBack, PROBE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
	}

	private synchronized void markUp() {
		if (up) {
			return;
		}
		up = true;
		log.info("The database is back after {} s", Duration.ofNanos(System.nanoTime() - downSince).toSeconds());
		AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
	}

	private void probeUntilBack() {
		if (!check() && !probe.isShutdown()) {
			probe.schedule(this::probeUntilBack, PROBE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	static boolean cannotReach(Throwable failure) {
		return causes(failure).anyMatch(cause -> cause instanceof SQLNonTransientConnectionException
				|| cause instanceof SQLRecoverableException || cause instanceof ConnectException
				|| cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")
				// the rollback after a lost connection fails too, and hides the first
				// failure
				|| cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
						&& cannotReach(rollback.getApplicationException()));
	}

	/**
	 * The pool had no connection free within its timeout, though the database may be up.
	 */
	private static boolean noConnectionInTime(Throwable failure) {
		return causes(failure).anyMatch(SQLTransientConnectionException.class::isInstance);
	}

	/** The failure and its causes, outermost first. */
	private static Stream<Throwable> causes(Throwable failure) {
		return Stream.iterate(failure, Objects::nonNull, Throwable::getCause);
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = causes(failure).reduce((outer, inner) -> inner).orElse(failure);
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	@Override
	public void destroy() {
		probe.shutdownNow();
	}

}

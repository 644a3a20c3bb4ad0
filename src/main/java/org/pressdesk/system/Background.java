package org.pressdesk.system;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A piece of work run on a thread of its own whenever it is woken: one run at a time, and
 * wake-ups while a run waits to start are one (a follower catching up after commits, a
 * sender going through what is due). The writer that wakes it does not wait for it.
 */
public final class Background {

	private final ExecutorService thread;

	private final Runnable work;

	private final AtomicBoolean queued = new AtomicBoolean();

	public Background(String name, Runnable work) {
		this.thread = Executors.newSingleThreadExecutor(daemon(name));
		this.work = work;
	}

	/** Runs the work soon, unless a run is already waiting to start. */
	public void wake() {
		if (queued.compareAndSet(false, true)) {
			thread.execute(() -> {
				queued.set(false);
				work.run();
			});
		}
	}

	public void stop() {
		thread.shutdownNow();
	}

	/** Threads that do not keep the JVM alive. */
	public static ThreadFactory daemon(String name) {
		return runnable -> {
			Thread thread = new Thread(runnable, name);
			thread.setDaemon(true);
			return thread;
		};
	}

}

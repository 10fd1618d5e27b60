package dev.poolscope.ui.panels;

import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.trace.RunTrace;
import dev.poolscope.trace.Stats;
import dev.poolscope.trace.TraceBuilder;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The statistics of the run being watched, computed off the FX thread. A snapshot of a
 * 10,000-task trace costs several milliseconds; on the FX thread that was a frame spike twice a
 * second. Threads: {@link #offer} is called by the frame loop (FX thread); the trace builder is
 * fed and read only under this object's lock, by the "poolscope-stats" daemon thread every
 * {@link #EVERY_MS} and once by the FX thread when the run has finished ({@link #finish}).
 * {@link #latest} may be read from any thread.
 */
final class LiveStats {
    /**
     * Once a second: each snapshot also costs the CPU the frames need (on 2 cores, a 10,000-task
     * snapshot competes with the window's threads), and each change of the panel is a frame with
     * extra layout; figures that change faster cannot be read anyway.
     */
    static final long EVERY_MS = 1000;
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "poolscope-stats");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });
    private final Queue<RunEvent> inbox = new ConcurrentLinkedQueue<>();
    private final TraceBuilder trace;
    private final LongSupplier runNowNs;
    private final ScheduledFuture<?> task;
    private volatile Stats latest;
    private RunTrace finalTrace;

    LiveStats(String scenarioName, RunConfig config, LongSupplier runNowNs) {
        this.trace = new TraceBuilder(scenarioName, config).recording();
        this.runNowNs = runNowNs;
        this.task = TIMER.scheduleWithFixedDelay(this::update, EVERY_MS, EVERY_MS, TimeUnit.MILLISECONDS);
    }

    void offer(RunEvent e) {
        inbox.add(e);
    }

    /** The newest statistics, or null before the first snapshot. */
    Stats latest() {
        return latest;
    }

    private synchronized void update() {
        try {
            RunEvent e;
            while ((e = inbox.poll()) != null) {
                trace.accept(e);
            }
            RunTrace t = trace.snapshot(runNowNs.getAsLong());
            latest = t.stats();
            if (t.finished()) {
                finalTrace = t;
            }
        } catch (RuntimeException ex) {
            // Statistics must never take the window down; the next snapshot tries again.
        }
    }

    /** The run has ended: stop the timer and compute the final statistics now (FX thread, once). */
    synchronized RunTrace finish() {
        task.cancel(false);
        update();
        return finalTrace;
    }

    /** The finished run's trace from every event offered, or null before the run has finished. */
    synchronized RunTrace finishedTrace() {
        return finalTrace;
    }

    /** The window shows another run: stop updating. */
    void close() {
        task.cancel(false);
    }
}

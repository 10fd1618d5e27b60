package dev.poolscope.supervisor;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one timer thread of every engine: run deadlines, task time limits, quit grace periods,
 * the wait for late words. Whatever is scheduled here must be quick (it takes a lock, queues
 * work, returns), so one thread serves them all.
 */
public final class Timers {
    private static final ScheduledThreadPoolExecutor TIMER = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "poolscope-timers");
        t.setDaemon(true);
        return t;
    });

    static {
        // A task that ends in time cancels its timer: drop it at once rather than hold it for an hour.
        TIMER.setRemoveOnCancelPolicy(true);
    }

    private Timers() {}

    /** Runs {@code action} once after {@code ms}. */
    public static ScheduledFuture<?> after(long ms, Runnable action) {
        return TIMER.schedule(action, ms, TimeUnit.MILLISECONDS);
    }
}

package dev.poolscope.engine;

import dev.poolscope.supervisor.Timers;
import java.util.concurrent.ScheduledFuture;

/**
 * A deadline for a whole run on PoolScope's workers: after {@code ms} a run still going is
 * stopped (its unfinished tasks marked cancelled). Unlike a task's time limit it also ends a
 * run that waits forever. The CLI's {@code run --deadline} and the window's Deadline field both
 * use it, and so does a CPython run for the deadline in its CPythonOptions.
 */
public final class RunDeadline implements AutoCloseable {
    private final Long ms;
    private final ScheduledFuture<?> pending;
    private volatile boolean hit;

    private RunDeadline(RunHandle run, Long ms) {
        this.ms = ms;
        this.pending = ms == null ? null : Timers.after(ms, () -> {
            if (!run.isDone()) {
                hit = true;
                run.stop();
            }
        });
    }

    /** Stops {@code run} after {@code ms} if it is still going; null ms means no deadline. */
    public static RunDeadline arm(RunHandle run, Long ms) {
        if (ms != null && ms < 1) {
            throw new IllegalArgumentException("deadline: must be at least 1 ms, got " + ms);
        }
        return new RunDeadline(run, ms);
    }

    /** Whether the deadline stopped the run. */
    public boolean hit() {
        return hit;
    }

    /** The deadline in ms, or null for none. */
    public Long ms() {
        return ms;
    }

    /** The run ended by itself: the deadline no longer applies. */
    @Override
    public void close() {
        if (pending != null) {
            pending.cancel(false);
        }
    }
}

package dev.poolscope.engine;

import java.util.Locale;

/** Why a worker process ended. */
public enum ExitKind {
    /** Asked to quit at the end of the run (or after its one task, in process mode). */
    NORMAL,
    /** Retired after maxTasksPerChild chunks; a fresh process took its slot. */
    RECYCLED,
    /** Died on its own: a crash task, a signal from outside, a kill from the UI. */
    CRASHED,
    /** Ended by PoolScope: the run was stopped, or the worker's task ran past its time limit. */
    TERMINATED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}

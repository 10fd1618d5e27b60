package dev.poolscope.engine;

import java.time.Duration;
import java.util.List;

/** A run in progress. Every method is safe to call from any thread. */
public interface RunHandle {
    /** What the run is: its engine, its program (or none, for a scenario), its interpreter. */
    RunInfo info();

    /**
     * The scenario's configuration; for a program's run ({@link RunInfo#ofProgram()}), what the
     * run has shown so far (its tasks and lanes as found, see {@link RunConfig.Builder#buildObserved()}).
     */
    RunConfig config();

    /** {@link System#nanoTime()} when the run started: event times are measured from here. */
    long startNanos();

    /** Stops the run: kills every worker at once, marks unfinished tasks cancelled. */
    void stop();

    /**
     * Kills the worker in a slot with SIGKILL, as if from outside, if it is still the process
     * {@code pid} (the one the user saw: by the time they click, a replacement may have taken
     * the slot, and it is not theirs to kill). Its task is reported crashed and a fresh worker
     * takes the slot. Returns false when the slot has no live worker with that PID.
     */
    boolean killWorker(int slot, long pid);

    /** Waits until the run has finished and the listener has seen every event. */
    boolean awaitDone(Duration timeout) throws InterruptedException;

    boolean isDone();

    /** Every event so far, in order. */
    List<RunEvent> events();

    /**
     * Whether a deadline the run carries itself stopped it. A run given a {@link RunDeadline}
     * from outside answers false; that deadline knows ({@link RunDeadline#hit()}).
     */
    default boolean deadlineHit() {
        return false;
    }

    /** PIDs of every worker process this run has started. */
    List<Long> pids();
}

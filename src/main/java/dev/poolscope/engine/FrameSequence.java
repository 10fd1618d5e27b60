package dev.poolscope.engine;

import java.io.IOException;

/**
 * What one worker may say next. A real worker says HELLO; then, if it was given an initializer,
 * INIT_STARTED, the initializer's output, INIT_ENDED and READY; then, for each chunk it is
 * handed, TASK_STARTED, the task's output and TASK_ENDED for each task of that chunk in order.
 * Any other frame is that worker's protocol error: the reader stops trusting it and the run
 * kills it, naming the frame. Without this a duplicate READY would hand out a second chunk and
 * an index from another worker's chunk would end that worker's task.
 *
 * <p>Called by the worker's reader thread for each frame it reads, and by the dispatcher (under
 * the run's lock) when it hands the worker a chunk; synchronized on itself, as the two differ.
 */
final class FrameSequence {
    /** A frame the worker should not have sent at this point. */
    static final class Violation extends IOException {
        Violation(String message) {
            super(message);
        }
    }

    private enum Phase { BOOTING, AWAITING_INIT, INITIALIZING, INITIALIZED, READY }

    private final boolean expectsInitializer;
    private Phase phase = Phase.BOOTING;
    private Chunk chunk;
    /** Position in {@link #chunk} of the next task to start. */
    private int next;
    /** The task between its TASK_STARTED and TASK_ENDED, or -1. */
    private int running = -1;

    FrameSequence(boolean expectsInitializer) {
        this.expectsInitializer = expectsInitializer;
    }

    /** HELLO: returns whether the worker is now ready (it is, unless an initializer comes first). */
    synchronized boolean hello() throws Violation {
        require(phase == Phase.BOOTING, "HELLO", "a second HELLO");
        phase = expectsInitializer ? Phase.AWAITING_INIT : Phase.READY;
        return phase == Phase.READY;
    }

    synchronized void initStarted() throws Violation {
        require(phase == Phase.AWAITING_INIT, "INIT_STARTED", "no initializer was waiting to start");
        phase = Phase.INITIALIZING;
    }

    synchronized void initEnded() throws Violation {
        require(phase == Phase.INITIALIZING, "INIT_ENDED", "no initializer was running");
        phase = Phase.INITIALIZED;
    }

    synchronized void ready() throws Violation {
        require(phase == Phase.INITIALIZED, "READY",
                phase == Phase.READY ? "the worker was already ready" : "the initializer had not ended");
        phase = Phase.READY;
    }

    /** The dispatcher handed this worker a chunk (before the chunk is written to its pipe). */
    synchronized void expect(Chunk c) {
        chunk = c;
        next = 0;
        running = -1;
    }

    synchronized void taskStarted(int index) throws Violation {
        require(chunk != null && running < 0 && next < chunk.size() && chunk.indexes()[next] == index,
                "TASK_STARTED for task " + index, expectation());
        running = index;
        next++;
    }

    /** OUTPUT or OUTPUT_TRUNCATED: only for the running task, or (index -1) the running initializer. */
    synchronized void output(String frame, int index) throws Violation {
        boolean ok = index == -1 ? phase == Phase.INITIALIZING : running >= 0 && index == running;
        require(ok, frame + " for task " + index, index == -1 ? "no initializer was running" : expectation());
    }

    /** TASK_ENDED: returns whether it ended the chunk's last task. */
    synchronized boolean taskEnded(int index) throws Violation {
        require(running >= 0 && index == running, "TASK_ENDED for task " + index, expectation());
        running = -1;
        boolean last = next == chunk.size();
        if (last) {
            chunk = null;
        }
        return last;
    }

    private String expectation() {
        if (phase != Phase.READY) {
            return "the worker was not ready yet";
        }
        if (chunk == null) {
            return "the worker had no chunk";
        }
        if (running >= 0) {
            return "task " + running + " was running";
        }
        return "the next task of its chunk was " + chunk.indexes()[next];
    }

    private static void require(boolean ok, String frame, String why) throws Violation {
        if (!ok) {
            throw new Violation(frame + " out of sequence: " + why);
        }
    }
}

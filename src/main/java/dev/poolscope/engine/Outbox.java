package dev.poolscope.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Pipe writes and kills the run decided while holding its lock, carried out after the lock is
 * released: a worker whose pipe is full (it is stopped, or slow to read) must never hold up the
 * run's other threads. Filled under the run's lock; {@link PoolRun#act()} empties and runs it.
 * Actions run in the order they were decided.
 */
final class Outbox {
    private List<Runnable> pending = new ArrayList<>();

    void chunk(WorkerProcess w, Chunk c) {
        pending.add(() -> w.sendChunk(c));
    }

    void quit(WorkerProcess w) {
        pending.add(w::sendQuit);
    }

    void kill(WorkerProcess w) {
        pending.add(w::kill);
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    /** The actions decided so far, leaving the outbox empty. */
    List<Runnable> take() {
        List<Runnable> taken = pending;
        pending = new ArrayList<>();
        return taken;
    }
}

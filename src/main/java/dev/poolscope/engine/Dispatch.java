package dev.poolscope.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Dispatch: the one shared queue of chunks, handing a chunk to an idle worker, retiring a
 * worker after maxTasksPerChild chunks, process mode's one task per process, holding the first
 * chunks back until the pool is ready ({@link StartPolicy#TOGETHER}), and what becomes of a
 * chunk whose worker died. Called with the run's lock held; chunks and quits go out
 * through the run's {@link Outbox}, after the lock is released.
 */
final class Dispatch {
    private final PoolRun run;
    private final RunConfig config;
    private final Slots slots;
    private final TaskLedger tasks;
    private final ChunkQueue queue;
    /** Whether chunks go out yet; until then ready workers wait for the rest of the pool. */
    private boolean released;

    Dispatch(PoolRun run, RunConfig config, Slots slots, TaskLedger tasks) {
        this.run = run;
        this.config = config;
        this.slots = slots;
        this.tasks = tasks;
        this.queue = new ChunkQueue(config);
        this.released = config.startPolicy() == StartPolicy.ASAP || !config.mode().usesPool();
    }

    /** Whether the first chunks are held until the pool is ready. */
    boolean holdsFirstChunks() {
        return !released;
    }

    /** A worker is idle: ready for the first time, or done with its chunk. */
    void idle(WorkerProcess w) {
        if (released) {
            offer(w);
        } else {
            releaseIfPoolReady();
        }
    }

    /** Under TOGETHER: lets the first chunks go once every slot is ready or has given up. */
    void releaseIfPoolReady() {
        if (!released && slots.everySlotSettled()) {
            release();
        }
    }

    /** Lets the first chunks go now, to whichever workers are ready (also when the wait is capped). */
    void release() {
        if (released) {
            return;
        }
        released = true;
        int ready = (int) slots.live().stream().filter(w -> w.ready).count();
        run.poolReleased(ready);
        offerIdle();
    }

    /** Offers the queue to every idle worker: on release, after work was put back, or a slot gave up. */
    void offerIdle() {
        if (!released) {
            return;
        }
        for (WorkerProcess w : slots.live()) {
            offer(w);
        }
    }

    /** The next chunk for an idle worker, if any; may instead ask the worker to quit. */
    private void offer(WorkerProcess w) {
        if (run.isEnding() || !w.ready || w.chunk != null || w.quitSent || w.killReason != null) {
            return;
        }
        if (!config.mode().usesPool()) {
            // Process mode: each process runs its own task, then quits.
            if (w.chunksDone == 0 && w.generation == 0) {
                assign(w, queue.takeFor(w.slot));
            } else {
                run.quit(w, false);
            }
            return;
        }
        Integer max = config.maxTasksPerChild();
        if (max != null && w.chunksDone >= max) {
            run.quit(w, true);
            if (!queue.isEmpty()) {
                slots.scheduleSpawn(w.slot);
            }
            return;
        }
        assign(w, queue.poll());
    }

    private void assign(WorkerProcess w, Chunk c) {
        if (c != null) {
            w.chunk = c;
            w.frames.expect(c);
            run.outbox.chunk(w, c);
        }
    }

    /**
     * A worker died holding a chunk: the task it was running gets the blame (crashed, or
     * timeout if that is why it was killed); tasks it had not started go back to the front of
     * the queue, since nothing went wrong with them. In process mode nothing is retried.
     */
    void loseChunk(WorkerProcess w, String why, boolean stopping) {
        Chunk c = w.chunk;
        w.chunk = null;
        List<Integer> unstarted = new ArrayList<>();
        for (int index : c.indexes()) {
            if (tasks.isFinal(index)) {
                continue;
            }
            boolean ranHere = tasks.startedOn(index) == w;
            if (ranHere || !config.mode().usesPool() || stopping) {
                boolean timedOut = index == w.timedOutIndex;
                TaskStatus status = stopping ? TaskStatus.CANCELLED : timedOut ? TaskStatus.TIMEOUT : TaskStatus.CRASHED;
                String error = timedOut ? "timed out after " + config.timeoutFor(config.tasks().get(index))
                        + " ms; worker " + w.pid + " was killed" : why;
                run.finalizeTask(index, status, null, error, ranHere ? w : null);
            } else {
                unstarted.add(index);
            }
        }
        queue.putBack(c.number(), unstarted);
    }

    /** Process mode: the process for a task died before it ran it. */
    void failUnstartable(int slot, String detail) {
        Chunk c = queue.takeFor(slot);
        if (c != null) {
            for (int index : c.indexes()) {
                run.finalizeTask(index, TaskStatus.CRASHED, null, "its process " + detail, null);
            }
        }
    }

    /** No worker can ever take the queued tasks: each fails with the reason. */
    void failQueued(String why) {
        for (int index : queue.drain()) {
            run.finalizeTask(index, TaskStatus.CRASHED, null, why, null);
        }
    }

    /** Stop: every queued task is cancelled. */
    void cancelQueued() {
        for (int index : queue.drain()) {
            run.finalizeTask(index, TaskStatus.CANCELLED, null, "the run was stopped", null);
        }
    }
}

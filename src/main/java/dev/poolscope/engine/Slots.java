package dev.poolscope.engine;

import dev.poolscope.supervisor.ProcessLimit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Slot supervision: starting a worker process for a slot, counting the slot's start-up
 * failures, and replacing a worker that died (or giving the slot up). Processes are started one at a time on the run's
 * spawner thread, outside the lock, and never once the run is stopping or finishing.
 * Everything else is called with the run's lock held.
 */
final class Slots {
    /** A slot whose workers die this many times in a row before they are ready is given up. */
    static final int MAX_STARTUP_FAILURES = 3;

    private final PoolRun run;
    private final WorkerLauncher launcher;
    private final ExecutorService spawner;
    private final WorkerProcess[] current;
    private final int[] generations;
    private final int[] startupFailures;
    private final Set<WorkerProcess> live = new LinkedHashSet<>();
    private final List<Long> pids = new ArrayList<>();
    private int pendingSpawns;
    /** The user's process limit stopped a start: no slot tries again, the run goes on with the workers it has. */
    private boolean limitReached;

    Slots(PoolRun run, WorkerLauncher launcher, int count, int runNumber) {
        this.run = run;
        this.launcher = launcher;
        this.spawner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "poolscope-spawner-" + runNumber);
            t.setDaemon(true);
            return t;
        });
        this.current = new WorkerProcess[count];
        this.generations = new int[count];
        this.startupFailures = new int[count];
    }

    int count() {
        return current.length;
    }

    void scheduleSpawn(int slot) {
        pendingSpawns++;
        spawner.execute(() -> spawn(slot));
    }

    /** On the spawner thread. */
    private void spawn(int slot) {
        boolean refused;
        synchronized (run.lock) {
            if (run.isEnding()) {
                // Stopping or finishing: a process started now would only be killed again.
                pendingSpawns--;
                run.checkAllGone();
                return;
            }
            refused = slot >= roomFor() || limitReached;
            if (refused) {
                pendingSpawns--;
                run.spawnFailed(slot, ExitClassifier.limitReached());
            }
        }
        if (refused) {
            run.act(); // giving the slot up may have released the pool: its first chunks go out now
            return;
        }
        Process process;
        try {
            process = launcher.start();
        } catch (Exception | OutOfMemoryError e) {
            synchronized (run.lock) {
                pendingSpawns--;
                limitReached |= ProcessLimit.isHit(e);
                run.spawnFailed(slot, ExitClassifier.startFailure(e, run.isStopping()));
            }
            run.act();
            return;
        }
        TaskSpec init = run.config().initializer();
        WorkerProcess w;
        synchronized (run.lock) {
            pendingSpawns--;
            w = new WorkerProcess(slot, generations[slot]++, process, init != null);
            live.add(w);
            current[slot] = w;
            pids.add(w.pid);
            run.spawned(w);
        }
        run.act();
        if (init != null) {
            w.sendInitializer(init);
        }
        try {
            w.startThreads(run.reports);
        } catch (OutOfMemoryError e) {
            // No thread to read it: end it here and tell its exit ourselves.
            synchronized (run.lock) {
                limitReached = true;
                w.killReason = ExitClassifier.limitReached().detail();
            }
            process.destroyForcibly();
            run.reports.onExit(w, ExitInfo.of(waitUninterruptibly(process)));
        }
    }

    private static int waitUninterruptibly(Process process) {
        while (true) {
            try {
                return process.waitFor();
            } catch (InterruptedException e) {
                // the exit must still be told
            }
        }
    }

    /**
     * How many slots the user's process limit leaves room for, asked once before the first start:
     * a worker JVM runs about 19 threads and the run reads it with 2 more, and Linux counts each.
     * Starting only those is what keeps a limit from showing up as failed thread starts, the
     * JVM's own warnings and dead workers. Lock held.
     */
    private int roomFor() {
        if (room < 0) {
            long left = ProcessLimit.room();
            room = left < 0 ? Integer.MAX_VALUE : (int) Math.max(1, (left - RUN_THREADS_MARGIN) / THREADS_PER_WORKER);
        }
        return room;
    }

    /** Threads one worker costs the user's process limit (measured: 19 in the worker JVM; 2 readers and the JDK's process reaper here). */
    private static final int THREADS_PER_WORKER = 22;
    /** Threads this JVM may still start for the run (events, timers, the OS sampler, the report; the JIT and GC add threads under load). */
    private static final int RUN_THREADS_MARGIN = 32;
    private int room = -1;

    /** A worker died at start-up of the process limit: no slot tries again. Lock held. */
    void limitReached() {
        limitReached = true;
    }

    /**
     * A slot lost its worker unexpectedly (or could not start one): a fresh process takes the
     * slot, unless the slot keeps dying before it is ready; then the pool waits for it no longer,
     * and if no worker at all can take the queued tasks, they fail with the reason.
     * In process mode nothing is replaced: the slot's task fails if it never ran.
     */
    void replace(int slot, boolean wasReady, String detail, Dispatch dispatch) {
        if (!run.config().mode().usesPool()) {
            dispatch.failUnstartable(slot, detail);
            return;
        }
        if (limitReached || slot >= roomFor()) {
            // The limit leaves no room for this slot: trying again would only fail again.
            startupFailures[slot] = MAX_STARTUP_FAILURES;
        } else if (wasReady || !startupFailed(slot)) {
            scheduleSpawn(slot);
            return;
        }
        dispatch.releaseIfPoolReady();
        if (!anyCanTakeWork()) {
            dispatch.failQueued("no worker could start (" + MAX_STARTUP_FAILURES + " tries): " + detail);
        }
    }

    /** A worker reported ready: its slot's run of start-up failures is over. */
    void ready(WorkerProcess w) {
        startupFailures[w.slot] = 0;
    }

    /** Counts a worker that died before it was ready; returns whether its slot now gives up. */
    private boolean startupFailed(int slot) {
        return ++startupFailures[slot] >= MAX_STARTUP_FAILURES;
    }

    boolean gaveUp(int slot) {
        return startupFailures[slot] >= MAX_STARTUP_FAILURES;
    }

    void remove(WorkerProcess w) {
        live.remove(w);
        w.killOnExit.close();
    }

    boolean isLive(WorkerProcess w) {
        return live.contains(w);
    }

    boolean isCurrent(WorkerProcess w) {
        return current[w.slot] == w;
    }

    /** The slot's live worker, or null. */
    WorkerProcess current(int slot) {
        WorkerProcess w = slot >= 0 && slot < current.length ? current[slot] : null;
        return w != null && live.contains(w) ? w : null;
    }

    /** Every slot has a ready worker, or has given up: the pool is as ready as it will get. */
    boolean everySlotSettled() {
        for (int slot = 0; slot < current.length; slot++) {
            WorkerProcess w = current(slot);
            if (!gaveUp(slot) && (w == null || !w.ready)) {
                return false;
            }
        }
        return true;
    }

    /** Live workers, in slot order. */
    List<WorkerProcess> live() {
        List<WorkerProcess> all = new ArrayList<>(live);
        all.sort(Comparator.comparingInt(w -> w.slot));
        return all;
    }

    /** Whether some worker, running or still to start, may yet take work from the queue. */
    boolean anyCanTakeWork() {
        return pendingSpawns > 0 || live.stream().anyMatch(w -> !w.quitSent && w.killReason == null);
    }

    boolean allGone() {
        return live.isEmpty() && pendingSpawns == 0;
    }

    List<Long> pids() {
        return List.copyOf(pids);
    }

    void shutdown() {
        spawner.shutdown();
    }
}

package dev.poolscope.engine;

import dev.poolscope.supervisor.Timers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One run: every task's fate and the run's own life (running, finishing, stopping, finished).
 * Slot supervision lives in {@link Slots}, handing out work in {@link Dispatch}, what to do
 * with each worker's reports in {@link WorkerReports}, naming exits in {@link ExitClassifier}.
 *
 * <p>All state is guarded by {@code lock}; worker reader threads call in through
 * {@link WorkerReports}. Decisions are taken under the lock; the pipe writes and kills
 * they lead to are queued in {@link #outbox} and done by {@link #act()} after the lock is
 * released, so a slow or stopped worker never holds up the others. Like CPython's Pool, an idle
 * worker takes the next chunk from the one queue; unlike it, a worker that dies loses nothing
 * silently: its task is marked, the rest of its chunk goes back to the front of the queue (to an
 * idle worker at once, if there is one), and a fresh process takes the slot.
 */
final class PoolRun implements RunHandle {
    private static final AtomicInteger RUN_NUMBERS = new AtomicInteger();
    /** How long a worker asked to quit may take before it is killed. */
    static final long QUIT_GRACE_MS = 2000;

    final Object lock = new Object();
    final Outbox outbox = new Outbox();
    private final RunConfig config;
    private final long t0 = System.nanoTime();
    private final EventLog log;
    final TaskLedger tasks;
    final Slots slots;
    final Dispatch dispatch;
    final WorkerReports reports = new WorkerReports(this);
    private boolean stopping;
    private boolean finishing;
    private boolean finished;
    /** Under TOGETHER, the timer that stops the ready workers waiting for the rest; null once moot. */
    private ScheduledFuture<?> releaseCap;

    private PoolRun(RunConfig config, WorkerLauncher launcher, RunListener listener) {
        int number = RUN_NUMBERS.incrementAndGet();
        this.config = config;
        this.log = new EventLog(listener, "poolscope-events-" + number);
        this.tasks = new TaskLedger(config, log);
        this.slots = new Slots(this, launcher, config.slots(), number);
        this.dispatch = new Dispatch(this, config, slots, tasks);
    }

    static PoolRun start(RunConfig config, WorkerLauncher launcher, RunListener listener) {
        PoolRun run = new PoolRun(config, launcher, listener);
        synchronized (run.lock) {
            for (int slot = 0; slot < config.slots(); slot++) {
                run.slots.scheduleSpawn(slot);
            }
            if (run.dispatch.holdsFirstChunks()) {
                run.releaseCap = Timers.after(config.togetherCapMs(), run::capExpired);
            }
        }
        return run;
    }

    /** The pool took too long to be ready: the ready workers start without the rest. */
    private void capExpired() {
        synchronized (lock) {
            dispatch.release();
        }
        act();
    }

    long now() {
        return System.nanoTime() - t0;
    }

    long since(long workerNanos) {
        return workerNanos - t0;
    }

    void emit(RunEvent event) {
        log.add(event);
    }

    /** Carries out the writes and kills decided under the lock. Call without holding it. */
    void act() {
        List<Runnable> todo;
        synchronized (lock) {
            if (outbox.isEmpty()) {
                return;
            }
            todo = outbox.take();
        }
        todo.forEach(Runnable::run);
    }

    // ---- called by Slots, Dispatch and WorkerReports (lock held) ---------------------------

    boolean isEnding() {
        return stopping || finishing;
    }

    boolean isStopping() {
        return stopping;
    }

    /** A process was started for a slot. */
    void spawned(WorkerProcess w) {
        emit(new RunEvent.WorkerSpawned(now(), w.slot, w.pid, w.generation));
        emit(new RunEvent.WorkerStateChanged(now(), w.slot, w.pid, WorkerState.STARTING));
        if (isEnding()) {
            // Its start was under way when the run began to end.
            terminate(w, stopping ? ExitClassifier.STOPPED : ExitClassifier.NOT_NEEDED);
        }
    }

    /** No process could be started for a slot. */
    void spawnFailed(int slot, ExitClassifier.Verdict why) {
        emit(new RunEvent.WorkerExited(now(), slot, -1, why.kind(), null, null, why.detail()));
        if (!isEnding()) {
            slots.replace(slot, false, why.detail(), dispatch);
        }
        checkAllGone();
    }

    /** The first chunks go out (StartPolicy.TOGETHER). */
    void poolReleased(int ready) {
        emit(new RunEvent.PoolReleased(now(), ready, slots.count()));
        if (releaseCap != null) {
            releaseCap.cancel(false);
            releaseCap = null;
        }
    }

    /** Asks a worker to quit; kills it if it has not gone within the grace period. */
    void quit(WorkerProcess w, boolean retiring) {
        w.quitSent = true;
        w.retiring = retiring;
        outbox.quit(w);
        Timers.after(QUIT_GRACE_MS, () -> quitOverdue(w));
    }

    void finalizeTask(int index, TaskStatus status, String result, String error, WorkerProcess w) {
        finalizeTask(index, status, result, error, now(), w);
    }

    void finalizeTask(int index, TaskStatus status, String result, String error, long at, WorkerProcess w) {
        tasks.finish(index, status, result, error, at, w);
        if (tasks.allFinal() && !stopping && !finishing) {
            beginFinish();
        }
    }

    /** PoolScope ends a worker: the reason is recorded first, so its exit is never taken for a crash. */
    void terminate(WorkerProcess w, String reason) {
        if (w.killReason == null) {
            w.killReason = reason;
            outbox.kill(w);
        }
    }

    private void quitOverdue(WorkerProcess w) {
        synchronized (lock) {
            if (slots.isLive(w)) {
                terminate(w, "killed by PoolScope: it did not quit within " + QUIT_GRACE_MS + " ms of being asked");
            }
        }
        act();
    }

    void setState(WorkerProcess w, WorkerState state, long at) {
        w.state = state;
        emit(new RunEvent.WorkerStateChanged(at, w.slot, w.pid, state));
    }

    /**
     * Every task is final: ask every ready worker to quit, and stop quietly those still
     * starting; the run ends when the last one is gone.
     */
    private void beginFinish() {
        finishing = true;
        for (WorkerProcess w : slots.live()) {
            if (!w.ready) {
                terminate(w, ExitClassifier.NOT_NEEDED);
            } else if (!w.quitSent && w.killReason == null) {
                quit(w, false);
            }
        }
        checkAllGone();
    }

    void checkAllGone() {
        if (isEnding() && slots.allGone() && !finished) {
            finished = true;
            emit(new RunEvent.RunFinished(now(), stopping));
            slots.shutdown();
            if (releaseCap != null) {
                releaseCap.cancel(false); // ended before the pool was ready: the timer need not hold the run
            }
        }
    }

    // ---- RunHandle -----------------------------------------------------------------------

    @Override
    public RunConfig config() {
        return config;
    }

    @Override
    public RunInfo info() {
        return RunInfo.JAVA_WORKERS;
    }

    @Override
    public long startNanos() {
        return t0;
    }

    @Override
    public void stop() {
        synchronized (lock) {
            if (finished || stopping) {
                return;
            }
            stopping = true;
            dispatch.cancelQueued();
            for (WorkerProcess w : slots.live()) {
                if (w.chunk != null) {
                    for (int index : w.chunk.indexes()) {
                        if (!tasks.isFinal(index)) {
                            finalizeTask(index, TaskStatus.CANCELLED, null, "the run was stopped", tasks.startedOn(index));
                        }
                    }
                }
                terminate(w, ExitClassifier.STOPPED);
            }
            checkAllGone();
        }
        act();
    }

    @Override
    public boolean killWorker(int slot, long pid) {
        synchronized (lock) {
            WorkerProcess w = slots.current(slot);
            if (w == null || w.pid != pid) {
                return false;
            }
            // As if from outside: no reason recorded, so it counts as a crash and is replaced.
            outbox.kill(w);
        }
        act();
        return true;
    }

    @Override
    public boolean awaitDone(Duration timeout) throws InterruptedException {
        return log.awaitDelivered(timeout);
    }

    @Override
    public boolean isDone() {
        return log.isDelivered();
    }

    @Override
    public List<RunEvent> events() {
        return log.snapshot();
    }

    @Override
    public List<Long> pids() {
        synchronized (lock) {
            return slots.pids();
        }
    }
}

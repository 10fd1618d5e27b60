package dev.poolscope.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One run: every task's fate, the run's own life (running, finishing, stopping, finished), and
 * the worker callbacks. Slot supervision lives in {@link Slots}, handing out work in
 * {@link Dispatch}, naming exits in {@link ExitClassifier}.
 *
 * <p>All state is guarded by {@code lock}; worker reader threads call in through
 * {@link WorkerProcess.Callbacks}. Decisions are taken under the lock; the pipe writes and kills
 * they lead to are queued in {@link #outbox} and done by {@link #act()} after the lock is
 * released, so a slow or stopped worker never holds up the others. Like CPython's Pool, an idle
 * worker takes the next chunk from the one queue; unlike it, a worker that dies loses nothing
 * silently: its task is marked, the rest of its chunk goes back to the front of the queue (to an
 * idle worker at once, if there is one), and a fresh process takes the slot.
 */
final class PoolRun implements RunHandle, WorkerProcess.Callbacks {
    private static final AtomicInteger RUN_NUMBERS = new AtomicInteger();
    static final ScheduledThreadPoolExecutor TIMERS = timers();
    /** How long a worker asked to quit may take before it is killed. */
    static final long QUIT_GRACE_MS = 2000;

    final Object lock = new Object();
    final Outbox outbox = new Outbox();
    private final RunConfig config;
    private final long t0 = System.nanoTime();
    private final EventLog log;
    private final TaskLedger tasks;
    private final Slots slots;
    private final Dispatch dispatch;
    private boolean stopping;
    private boolean finishing;
    private boolean finished;
    /** Under TOGETHER, the timer that stops the ready workers waiting for the rest; null once moot. */
    private ScheduledFuture<?> releaseCap;

    private static ScheduledThreadPoolExecutor timers() {
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "poolscope-timers");
            t.setDaemon(true);
            return t;
        });
        // A task that ends in time cancels its timer; drop it at once rather than hold it for an hour.
        timers.setRemoveOnCancelPolicy(true);
        return timers;
    }

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
                run.releaseCap = TIMERS.schedule(run::capExpired, config.togetherCapMs(), TimeUnit.MILLISECONDS);
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

    private long now() {
        return System.nanoTime() - t0;
    }

    private long since(long workerNanos) {
        return workerNanos - t0;
    }

    private void emit(RunEvent event) {
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

    // ---- called by Slots and Dispatch (lock held) ------------------------------------------

    boolean isEnding() {
        return stopping || finishing;
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
    void spawnFailed(int slot, String detail) {
        emit(new RunEvent.WorkerExited(now(), slot, -1, ExitKind.CRASHED, null, null, detail));
        if (!isEnding()) {
            afterWorkerGone(slot, false, detail);
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
        TIMERS.schedule(() -> quitOverdue(w), QUIT_GRACE_MS, TimeUnit.MILLISECONDS);
    }

    void finalizeTask(int index, TaskStatus status, String result, String error, WorkerProcess w) {
        finalizeTask(index, status, result, error, now(), w);
    }

    private void finalizeTask(int index, TaskStatus status, String result, String error, long at, WorkerProcess w) {
        tasks.finish(index, status, result, error, at, w);
        if (tasks.allFinal() && !stopping && !finishing) {
            beginFinish();
        }
    }

    /** PoolScope ends a worker: the reason is recorded first, so its exit is never taken for a crash. */
    private void terminate(WorkerProcess w, String reason) {
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

    // ---- callbacks from worker reader threads ---------------------------------------------

    @Override
    public void onReady(WorkerProcess w, long nanos) {
        synchronized (lock) {
            w.ready = true;
            slots.ready(w);
            setState(w, WorkerState.IDLE, since(nanos));
            dispatch.idle(w);
        }
        act();
    }

    @Override
    public void onInitializer(WorkerProcess w, long startNanos, long endNanos, String error) {
        synchronized (lock) {
            emit(new RunEvent.InitializerRan(since(endNanos), w.slot, w.pid, since(startNanos), error));
        }
    }

    @Override
    public void onTaskStarted(WorkerProcess w, int index, long nanos) {
        synchronized (lock) {
            if (tasks.isFinal(index)) {
                return;
            }
            if (w.state != WorkerState.BUSY) {
                setState(w, WorkerState.BUSY, since(nanos));
            }
            emit(new RunEvent.TaskStarted(since(nanos), index, w.slot, w.pid, w.chunk.number()));
            Long limit = config.timeoutFor(config.tasks().get(index));
            tasks.started(index, w, limit == null ? null
                    : TIMERS.schedule(() -> onTimeout(w, index), limit, TimeUnit.MILLISECONDS));
        }
    }

    @Override
    public void onOutput(WorkerProcess w, int index, String text) {
        synchronized (lock) {
            if (tasks.admitOutput(index, text)) {
                emit(new RunEvent.OutputLine(now(), index, w.slot, w.pid, text));
            }
        }
    }

    @Override
    public void onTruncated(WorkerProcess w, int index, long lines, long bytes) {
        synchronized (lock) {
            if (index >= 0) {
                tasks.dropped(index, lines, bytes);
            } else {
                emit(new RunEvent.OutputTruncated(now(), index, w.slot, w.pid, lines, bytes));
            }
        }
    }

    @Override
    public void onTaskEnded(WorkerProcess w, int index, long nanos, boolean ok, String resultOrError) {
        synchronized (lock) {
            if (!tasks.isFinal(index)) {
                finalizeTask(index, ok ? TaskStatus.OK : TaskStatus.FAILED, ok ? resultOrError : null,
                        ok ? null : resultOrError, since(nanos), w);
            }
            Chunk c = w.chunk;
            if (c != null && c.indexes()[c.size() - 1] == index) {
                w.chunk = null;
                w.chunksDone++;
                if (!isEnding()) {
                    setState(w, WorkerState.IDLE, since(nanos));
                    dispatch.idle(w);
                }
            }
        }
        act();
    }

    @Override
    public void onProtocolError(WorkerProcess w, String problem) {
        synchronized (lock) {
            terminate(w, "killed by PoolScope: " + problem);
        }
        act();
    }

    @Override
    public void onEngineError(WorkerProcess w, RuntimeException error) {
        synchronized (lock) {
            terminate(w, "killed by PoolScope after an internal error in PoolScope (not the worker's fault): " + error);
        }
        act();
    }

    @Override
    public void onExit(WorkerProcess w, ExitInfo exit) {
        synchronized (lock) {
            ExitClassifier.Verdict v = ExitClassifier.classify(w, exit);
            // The task's fate first: a worker killed for a time limit ends because of its task.
            // (Still counted live here, so finishing its last task cannot end the run before its exit is told.)
            if (w.chunk != null) {
                dispatch.loseChunk(w, "worker " + w.pid + " " + v.detail(), stopping);
            }
            slots.remove(w);
            emit(new RunEvent.WorkerExited(now(), w.slot, w.pid, v.kind(), exit.exitCode(), exit.signal(), v.detail()));
            setState(w, v.kind() == ExitKind.CRASHED ? WorkerState.CRASHED : WorkerState.EXITED, now());
            // Work put back goes to an idle worker now, not only when one next reports.
            dispatch.offerIdle();
            // A worker that was asked to quit needs no replacement: a retiring one already has its successor.
            boolean unplanned = v.kind() != ExitKind.NORMAL && v.kind() != ExitKind.RECYCLED && !w.quitSent;
            if (unplanned && !isEnding() && slots.isCurrent(w)) {
                afterWorkerGone(w.slot, w.ready, v.detail());
            }
            checkAllGone();
        }
        act();
    }

    private void setState(WorkerProcess w, WorkerState state, long at) {
        w.state = state;
        emit(new RunEvent.WorkerStateChanged(at, w.slot, w.pid, state));
    }

    /** After a worker was lost: a fresh one for the slot, unless the slot keeps dying at start-up. */
    private void afterWorkerGone(int slot, boolean wasReady, String detail) {
        if (!config.mode().usesPool()) {
            dispatch.failUnstartable(slot, detail);
            return;
        }
        if (wasReady || !slots.startupFailed(slot)) {
            slots.scheduleSpawn(slot);
            return;
        }
        dispatch.releaseIfPoolReady(); // the pool waits for this slot no longer
        if (!slots.anyCanTakeWork()) {
            // No slot can start a worker: the queued tasks can never run.
            dispatch.failQueued("no worker could start (" + Slots.MAX_STARTUP_FAILURES + " tries): " + detail);
        }
    }

    private void onTimeout(WorkerProcess w, int index) {
        synchronized (lock) {
            if (!tasks.isFinal(index) && tasks.startedOn(index) == w && slots.isLive(w)) {
                w.timedOutIndex = index;
                TaskSpec task = config.tasks().get(index);
                terminate(w, ExitClassifier.timeLimit(task, config.timeoutFor(task)));
            }
        }
        act();
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
        return log.delivered().await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean isDone() {
        return log.delivered().getCount() == 0;
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

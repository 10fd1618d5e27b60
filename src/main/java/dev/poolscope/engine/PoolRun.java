package dev.poolscope.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One run: the shared queue of chunks, the worker slots, and every task's fate.
 *
 * <p>All state is guarded by {@code lock}; worker reader threads call in through
 * {@link WorkerProcess.Callbacks}. Processes are started on the run's spawner thread and
 * chunks written outside the lock, so a slow or stopped worker never holds up the others.
 * Like CPython's Pool, an idle worker takes the next chunk from the one queue; unlike it, a
 * worker that dies loses nothing silently: its task is marked, the rest of its chunk goes back
 * to the front of the queue, and a fresh process takes the slot.
 */
final class PoolRun implements RunHandle, WorkerProcess.Callbacks {
    private static final AtomicInteger RUN_NUMBERS = new AtomicInteger();
    private static final ScheduledThreadPoolExecutor TIMERS = timers();
    /** A slot whose workers die this many times in a row before they are ready is given up. */
    static final int MAX_STARTUP_FAILURES = 3;
    /** How long a worker asked to quit may take before it is killed. */
    private static final long QUIT_GRACE_MS = 2000;

    private final RunConfig config;
    private final WorkerCommand command;
    private final long t0 = System.nanoTime();
    private final EventLog log;
    private final ExecutorService spawner;
    private final Object lock = new Object();

    private final ChunkQueue queue;
    private final TaskLedger tasks;
    private final WorkerProcess[] current;
    private final int[] generations;
    private final int[] startupFailures;
    private final Set<WorkerProcess> live = new HashSet<>();
    private final List<Long> pids = new ArrayList<>();
    private int pendingSpawns;
    private boolean stopping;
    private boolean finishing;
    private boolean finished;

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

    private PoolRun(RunConfig config, WorkerCommand command, RunListener listener) {
        int number = RUN_NUMBERS.incrementAndGet();
        this.config = config;
        this.command = command;
        this.log = new EventLog(listener, "poolscope-events-" + number);
        this.spawner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "poolscope-spawner-" + number);
            t.setDaemon(true);
            return t;
        });
        this.queue = new ChunkQueue(config);
        this.tasks = new TaskLedger(config, log);
        this.current = new WorkerProcess[config.slots()];
        this.generations = new int[config.slots()];
        this.startupFailures = new int[config.slots()];
    }

    static PoolRun start(RunConfig config, WorkerCommand command, RunListener listener) {
        PoolRun run = new PoolRun(config, command, listener);
        for (int slot = 0; slot < config.slots(); slot++) {
            run.scheduleSpawn(slot);
        }
        return run;
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

    // ---- spawning ------------------------------------------------------------------------

    private void scheduleSpawn(int slot) {
        synchronized (lock) {
            pendingSpawns++;
        }
        spawner.execute(() -> spawn(slot));
    }

    private void spawn(int slot) {
        Process process;
        try {
            process = command.start();
        } catch (Exception e) {
            synchronized (lock) {
                pendingSpawns--;
                emit(new RunEvent.WorkerExited(now(), slot, -1, ExitKind.CRASHED, null, null,
                        "could not start a worker process: " + e.getMessage()));
                afterWorkerGone(slot, false, "could not start a worker process: " + e.getMessage());
            }
            return;
        }
        LiveProcesses.add(process);
        WorkerProcess w;
        synchronized (lock) {
            pendingSpawns--;
            w = new WorkerProcess(slot, generations[slot]++, process);
            w.expectsInitializer = config.initializer() != null;
            live.add(w);
            current[slot] = w;
            pids.add(w.pid);
            emit(new RunEvent.WorkerSpawned(now(), slot, w.pid, w.generation));
            emit(new RunEvent.WorkerStateChanged(now(), slot, w.pid, WorkerState.STARTING));
            if (stopping || finishing) {
                w.kill();
            }
        }
        if (config.initializer() != null) {
            w.sendInitializer(config.initializer());
        }
        w.startThreads(this);
    }

    // ---- callbacks from worker reader threads ---------------------------------------------

    @Override
    public void onReady(WorkerProcess w, long nanos) {
        Chunk next;
        synchronized (lock) {
            w.ready = true;
            startupFailures[w.slot] = 0;
            emit(new RunEvent.WorkerStateChanged(since(nanos), w.slot, w.pid, WorkerState.IDLE));
            next = takeWork(w);
        }
        send(w, next);
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
            emit(new RunEvent.TaskStarted(since(nanos), index, w.slot, w.pid, w.chunk == null ? -1 : w.chunk.number()));
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
        Chunk next = null;
        synchronized (lock) {
            if (!tasks.isFinal(index)) {
                finalizeTask(index, ok ? TaskStatus.OK : TaskStatus.FAILED, ok ? resultOrError : null,
                        ok ? null : resultOrError, since(nanos), w);
            }
            Chunk c = w.chunk;
            if (c != null && c.indexes()[c.size() - 1] == index) {
                w.chunk = null;
                w.chunksDone++;
                if (!finishing && !stopping) {
                    setState(w, WorkerState.IDLE, since(nanos));
                    next = takeWork(w);
                }
            }
        }
        send(w, next);
    }

    @Override
    public void onExit(WorkerProcess w, ExitInfo exit, String problem) {
        synchronized (lock) {
            boolean clean = w.quitSent && exit.exitCode() == 0 && problem == null;
            boolean timeLimit = w.timedOutIndex >= 0;
            ExitKind kind = clean ? (w.retiring ? ExitKind.RECYCLED : ExitKind.NORMAL)
                    : stopping || timeLimit ? ExitKind.TERMINATED : ExitKind.CRASHED;
            String detail = describeExit(w, exit, problem, kind);
            // The task's fate first: a worker killed for a time limit ends because of its task.
            // (Still counted live here, so finishing its last task cannot end the run before its exit is told.)
            if (w.chunk != null) {
                loseChunk(w, w.chunk, "worker " + w.pid + " " + detail);
                w.chunk = null;
            }
            live.remove(w);
            LiveProcesses.remove(w.process);
            emit(new RunEvent.WorkerExited(now(), w.slot, w.pid, kind, exit.exitCode(), exit.signal(), detail));
            setState(w, kind == ExitKind.CRASHED ? WorkerState.CRASHED : WorkerState.EXITED, now());
            // Only the slot's current worker is replaced: a retiring worker already has its successor.
            if ((kind == ExitKind.CRASHED || (timeLimit && !stopping)) && current[w.slot] == w) {
                afterWorkerGone(w.slot, w.ready, detail);
            }
            checkAllGone();
        }
    }

    private String describeExit(WorkerProcess w, ExitInfo exit, String problem, ExitKind kind) {
        if (problem != null) {
            return problem;
        }
        if (w.timedOutIndex >= 0 && kind == ExitKind.TERMINATED && !stopping) {
            TaskSpec task = config.tasks().get(w.timedOutIndex);
            return "killed by PoolScope: task " + task.name() + " ran past its time limit of "
                    + config.timeoutFor(task) + " ms";
        }
        switch (kind) {
            case RECYCLED:
                return "retired after " + w.chunksDone + " chunk(s) (maxTasksPerChild)";
            case NORMAL:
                return "exited normally";
            case TERMINATED:
                return "terminated: the run was stopped";
            default:
                String tail = w.ready ? "" : w.stderrTail();
                return (w.ready ? "" : "died during start-up, ") + exit.describe()
                        + (tail.isEmpty() ? "" : ": " + tail);
        }
    }

    // ---- scheduling (lock held) ---------------------------------------------------------

    /** The next chunk for an idle worker, or null; may instead ask the worker to quit. */
    private Chunk takeWork(WorkerProcess w) {
        if (stopping || finishing || w.quitSent) {
            return null;
        }
        if (!config.mode().usesPool()) {
            if (w.chunksDone == 0 && w.generation == 0) {
                return assign(w, queue.takeFor(w.slot));
            }
            quit(w, false);
            return null;
        }
        Integer max = config.maxTasksPerChild();
        if (max != null && w.chunksDone >= max) {
            quit(w, true);
            if (!queue.isEmpty()) {
                scheduleSpawn(w.slot);
            }
            return null;
        }
        return assign(w, queue.poll());
    }

    private Chunk assign(WorkerProcess w, Chunk c) {
        w.chunk = c;
        return c;
    }

    private void send(WorkerProcess w, Chunk c) {
        if (c != null) {
            w.sendChunk(c);
        }
    }

    private void quit(WorkerProcess w, boolean retiring) {
        w.quitSent = true;
        w.retiring = retiring;
        w.sendQuit();
        TIMERS.schedule(w::kill, QUIT_GRACE_MS, TimeUnit.MILLISECONDS);
    }

    private void setState(WorkerProcess w, WorkerState state, long at) {
        w.state = state;
        emit(new RunEvent.WorkerStateChanged(at, w.slot, w.pid, state));
    }

    private void finalizeTask(int index, TaskStatus status, String result, String error, long at, WorkerProcess w) {
        tasks.finish(index, status, result, error, at, w);
        if (tasks.allFinal() && !stopping) {
            beginFinish();
        }
    }

    /**
     * A worker died holding a chunk: the task it was running gets the blame (crashed, or
     * timeout if that is why it was killed); tasks it had not started go back to the front of
     * the queue, since nothing went wrong with them. In process mode nothing is retried.
     */
    private void loseChunk(WorkerProcess w, Chunk c, String why) {
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
                finalizeTask(index, status, null, error, now(), ranHere ? w : null);
            } else {
                unstarted.add(index);
            }
        }
        queue.putBack(c.number(), unstarted);
    }

    /** After a crash: a fresh worker for the slot, unless the slot keeps dying at start-up. */
    private void afterWorkerGone(int slot, boolean wasReady, String detail) {
        if (!wasReady) {
            startupFailures[slot]++;
        }
        if (stopping || finishing || !config.mode().usesPool()) {
            if (!config.mode().usesPool() && !stopping) {
                failUnstartable(slot, detail);
            }
            return;
        }
        if (startupFailures[slot] < MAX_STARTUP_FAILURES) {
            scheduleSpawn(slot);
        } else if (live.isEmpty() && pendingSpawns == 0) {
            // No slot can start a worker: the queued tasks can never run.
            String why = "no worker could start (" + MAX_STARTUP_FAILURES + " tries): " + detail;
            for (int index : queue.drain()) {
                finalizeTask(index, TaskStatus.CRASHED, null, why, now(), null);
            }
        }
    }

    /** Process mode: the process for a task died before it ran it. */
    private void failUnstartable(int slot, String detail) {
        Chunk c = queue.takeFor(slot);
        if (c != null) {
            for (int index : c.indexes()) {
                finalizeTask(index, TaskStatus.CRASHED, null, "its process " + detail, now(), null);
            }
        }
    }

    private void onTimeout(WorkerProcess w, int index) {
        synchronized (lock) {
            if (!tasks.isFinal(index) && tasks.startedOn(index) == w && live.contains(w)) {
                w.timedOutIndex = index;
                w.kill();
            }
        }
    }

    /** Every task is final: ask every worker to quit; the run ends when the last one is gone. */
    private void beginFinish() {
        finishing = true;
        for (WorkerProcess w : live) {
            if (!w.quitSent) {
                quit(w, false);
            }
        }
        checkAllGone();
    }

    private void checkAllGone() {
        if ((finishing || stopping) && live.isEmpty() && pendingSpawns == 0 && !finished) {
            finished = true;
            emit(new RunEvent.RunFinished(now(), stopping));
            spawner.shutdown();
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
            long at = now();
            for (int index : queue.drain()) {
                finalizeTask(index, TaskStatus.CANCELLED, null, "the run was stopped", at, null);
            }
            for (WorkerProcess w : live) {
                if (w.chunk != null) {
                    for (int index : w.chunk.indexes()) {
                        if (!tasks.isFinal(index)) {
                            finalizeTask(index, TaskStatus.CANCELLED, null, "the run was stopped", at, tasks.startedOn(index));
                        }
                    }
                }
                w.kill();
            }
            checkAllGone();
        }
    }

    @Override
    public boolean killWorker(int slot) {
        synchronized (lock) {
            if (slot < 0 || slot >= current.length) {
                return false;
            }
            WorkerProcess w = current[slot];
            if (w == null || !live.contains(w)) {
                return false;
            }
            w.kill();
            return true;
        }
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
            return List.copyOf(pids);
        }
    }
}

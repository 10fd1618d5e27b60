package dev.poolscope.engine;

/**
 * Everything the engine reports about a run. {@code at} is nanoseconds since the run started,
 * on the machine's monotonic clock (workers time their own tasks on the same clock).
 * A {@code slot} is a worker's lane; {@code pid} the OS process id of the worker.
 */
public sealed interface RunEvent {
    long at();

    /**
     * A worker was started in a slot (its lane). {@code generation} counts processes per slot;
     * {@code lane} says what the lane is (a process, a thread, another engine's worker), the same
     * for every generation of the slot.
     */
    record WorkerSpawned(long at, int slot, long pid, int generation, Lane lane) implements RunEvent {
        public WorkerSpawned {
            lane = Lane.orProcess(lane);
        }

        /** A worker that is an OS process of its own. */
        public WorkerSpawned(long at, int slot, long pid, int generation) {
            this(at, slot, pid, generation, Lane.PROCESS);
        }
    }

    /** A worker changed state (the lane's badge). */
    record WorkerStateChanged(long at, int slot, long pid, WorkerState state) implements RunEvent {}

    /** The worker's initializer started or ended; {@code error} is null when it succeeded. */
    record InitializerRan(long at, int slot, long pid, long startAt, String error) implements RunEvent {}

    /** A task started on a worker; tasks of one chunk share the chunk number. */
    record TaskStarted(long at, int index, int slot, long pid, int chunk) implements RunEvent {}

    /** A line a task printed; {@code index} is -1 for a line printed by an initializer. */
    record OutputLine(long at, int index, int slot, long pid, String text) implements RunEvent {}

    /** Output was dropped because a task or the run printed more than its limit. */
    record OutputTruncated(long at, int index, int slot, long pid, long lines, long bytes) implements RunEvent {}

    /**
     * A task reached its final status. {@code slot} and {@code pid} are -1 for a task that
     * never started (cancelled by a stop).
     */
    record TaskFinished(long at, int index, int slot, long pid, TaskStatus status, String result,
                        String error) implements RunEvent {}

    /** A result reached the caller, in the order the mode delivers results. */
    record ResultDelivered(long at, int index, TaskStatus status, String result, String error)
            implements RunEvent {}

    /**
     * A worker process ended. {@code exitCode} is the process's exit code, {@code signal} the
     * signal that killed it (or null); {@code detail} says why in words. When PoolScope killed
     * it for a time limit, the task's {@link TaskFinished} (timeout) comes first.
     */
    record WorkerExited(long at, int slot, long pid, ExitKind kind, Integer exitCode, Integer signal,
                        String detail) implements RunEvent {}

    /** The run ended: every task has its final status and no worker is left. */
    record RunFinished(long at, boolean stopped) implements RunEvent {}

    /**
     * Under {@link StartPolicy#TOGETHER}: the pool's first chunks go out now. {@code ready}
     * workers of {@code slots} were ready; fewer when a slot gave up or the wait was capped.
     * Start-up is everything before this; the tasks' span begins here.
     */
    record PoolReleased(long at, int ready, int slots) implements RunEvent {}

    /**
     * What the operating system sees of a worker process, sampled about 10 times a second beside
     * the run by {@code dev.poolscope.os.OsSampler} (never by the engine, so {@link RunHandle#events()}
     * has none). {@code cpuPct} is the percent of one core the process used since its previous
     * sample (all its threads; can exceed 100); {@code state} the /proc state letter (R, S, D, T,
     * Z, ...) or '?' where the system does not tell; {@code rssKb} its resident memory, or -1 when
     * unknown; {@code cpuMs} its CPU time since it started.
     */
    record WorkerSampled(long at, int slot, long pid, double cpuPct, char state, long rssKb, double cpuMs)
            implements RunEvent {}

    /** The machine the run shares, sampled once a second: CPUs and the 1-minute load (-1 unknown). */
    record MachineSampled(long at, int cpus, double load1) implements RunEvent {}

    // ---- A run of a program (RunInfo.ofProgram(): the CPython engine today): its tasks and lanes
    // are found as it runs, and its main process has no worker slot: events about it carry slot -1
    // (the "main lane"). Any engine that runs a user's program reports it with these.

    /** A task first seen while the run goes (a Python program's tasks are found as they start). */
    record TaskAdded(long at, int index, String name, String kind) implements RunEvent {}

    /** The program's main process started: its PID, the program file and the interpreter running it. */
    record ProgramStarted(long at, long pid, String program, String interpreter) implements RunEvent {}

    /** The program's main process ended; {@code exitCode} is null when it was killed by {@code signal}. */
    record ProgramExited(long at, long pid, Integer exitCode, Integer signal, String detail) implements RunEvent {}

    /**
     * A call a process made on a child process object, drawn as a mark on the caller's lane
     * (slot -1: the main process): {@code kind} is one of the constants below, {@code text} the
     * call in words, e.g. "is_alive() of 1234 → False".
     */
    record ProcessMark(long at, int slot, long pid, String kind, long childPid, String text) implements RunEvent {
        public static final String START = "start";
        public static final String JOIN = "join";
        public static final String JOINED = "joined";
        public static final String IS_ALIVE = "is_alive";
        public static final String TERMINATE = "terminate";
    }

    /** Something to tell in plain words, e.g. that CPython's Pool now waits forever for a lost task. */
    record RunNotice(long at, int slot, long pid, String text) implements RunEvent {}
}

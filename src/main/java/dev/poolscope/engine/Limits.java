package dev.poolscope.engine;

/** The documented limits of a run (README, "Limits"). One place, used by every check. */
public final class Limits {
    private Limits() {}

    public static final int MAX_POOL = 64;
    /**
     * Lanes a trace may have. A watched program's processes are its own (a Pool(100) has 100), so
     * only the runs PoolScope starts are held to {@link #MAX_POOL}; this bound only keeps a damaged
     * file from making a reader allocate lanes without end.
     */
    public static final int MAX_LANES = 4096;
    public static final int MAX_TASKS = 100_000;
    /** Process mode starts one process per task, so it has the pool's limit. */
    public static final int MAX_PROCESS_TASKS = MAX_POOL;
    public static final int MAX_CHUNKSIZE = MAX_TASKS;
    public static final int MAX_TASKS_PER_CHILD = 1_000_000;
    public static final long MAX_MS = 3_600_000;
    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_TEXT_LENGTH = 10_000;
    public static final int MAX_TIMES = 1_000_000;
    public static final int MIN_EXIT_CODE = 1;
    /** Exit codes above 125 are reserved by shells and for "killed by signal". */
    public static final int MAX_EXIT_CODE = 125;
    /** Output lines one run keeps in its record; further lines are counted, not kept. */
    public static final int MAX_RUN_OUTPUT_LINES = 20_000;
    /** Characters of output one run keeps in its record. */
    public static final int MAX_RUN_OUTPUT_CHARS = 2_000_000;

    /** The default pool size, like {@code os.cpu_count()}, capped at {@link #MAX_POOL}. */
    public static int defaultPool() {
        return Math.min(MAX_POOL, Runtime.getRuntime().availableProcessors());
    }
}

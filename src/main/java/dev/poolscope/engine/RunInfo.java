package dev.poolscope.engine;

/**
 * What a run is, said the same way by every engine ({@link RunHandle#info()}), so that no code
 * outside an engine's package has to ask which engine it is.
 *
 * @param engine      which engine runs it: {@link #JAVA} (PoolScope's own workers) or {@link #CPYTHON}
 *                    (a real Python interpreter), {@link #DASK}; engines added later bring their own id
 * @param program     the user's program file the run is of, or null for a scenario (whose tasks
 *                    and lanes are known before it starts)
 * @param interpreter the interpreter in words ("Python 3.11.7 (/usr/bin/python3)"), or null for
 *                    PoolScope's own workers
 */
public record RunInfo(String engine, String program, String interpreter) {
    public static final String JAVA = "java";
    public static final String CPYTHON = "cpython";
    public static final String DASK = "dask";

    /** A scenario on PoolScope's own Java workers. */
    public static final RunInfo JAVA_WORKERS = new RunInfo(JAVA, null, null);

    public RunInfo {
        if (engine == null || engine.isBlank()) {
            throw new IllegalArgumentException("a run needs an engine id");
        }
    }

    /**
     * Whether the run is of a program rather than a scenario: its tasks and lanes are found as it
     * runs, and its main process has a lane of its own above them.
     */
    public boolean ofProgram() {
        return program != null;
    }
}

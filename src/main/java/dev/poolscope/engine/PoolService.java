package dev.poolscope.engine;

/**
 * The engine's entry point: starts runs of real worker processes.
 *
 * <pre>{@code
 * RunHandle run = new PoolService().start(config, event -> ...);
 * run.awaitDone(Duration.ofMinutes(1));
 * }</pre>
 */
public final class PoolService {
    private final WorkerLauncher launcher;

    /** Workers at the app's own priority. */
    public PoolService() {
        this(WorkerPriority.NORMAL);
    }

    public PoolService(WorkerPriority priority) {
        this(WorkerCommand.forThisJvm(priority));
    }

    /** Workers from any launcher: the tests' in-process fakes. */
    PoolService(WorkerLauncher launcher) {
        this.launcher = launcher;
    }

    /**
     * Starts a run and returns at once; workers start on the run's own thread. The listener
     * gets every event, in order, on the run's event thread.
     */
    public RunHandle start(RunConfig config, RunListener listener) {
        if (config.observed()) {
            throw new IllegalArgumentException("a watched run's configuration cannot be run: build it with build()");
        }
        return PoolRun.start(config, launcher, listener == null ? RunListener.NONE : listener);
    }

    /** Processes started by this JVM, of any engine, that have not ended yet (for checks and tests). */
    public static int liveWorkerCount() {
        return dev.poolscope.supervisor.KillOnExit.count();
    }
}

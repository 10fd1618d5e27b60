package dev.poolscope.dask;

import dev.poolscope.cpython.PythonUnavailableException;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.RunListener;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The Dask engine: a scenario's tasks submitted to Dask's distributed scheduler, each Dask worker a
 * lane with its real PID, each task a bar timed on its worker. The cluster is a local one started
 * for the run (and ended with it), or an existing one given by address (never ended by PoolScope).
 *
 * <pre>{@code
 * DaskRun run = new DaskService().start("sleepy", config, DaskOptions.defaults(), listener);
 * run.awaitDone(Duration.ofMinutes(1));
 * }</pre>
 */
public final class DaskService {
    /**
     * Starts the driver and returns once it is running; the cluster comes up after (about a second
     * for a local one). A cluster that cannot be reached ends the run with {@link DaskRun#failure()}.
     *
     * @throws PythonUnavailableException no interpreter here can import distributed (one sentence says how to install it)
     */
    public DaskRun start(String scenarioName, RunConfig config, DaskOptions options, RunListener listener)
            throws PythonUnavailableException, IOException {
        DaskPython.Found python = DaskPython.find(options.pythonExe());
        Path program = DaskFiles.program(scenarioName, config);
        return DaskRun.start(scenarioName, config, options, python, program, listener);
    }

    /** Why the Dask engine cannot run here (one sentence with how to install Dask), or null when it can. */
    public static String unavailable(Path pythonExe) {
        try {
            DaskPython.find(pythonExe);
            return null;
        } catch (PythonUnavailableException e) {
            return e.getMessage();
        }
    }
}

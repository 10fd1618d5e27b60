package dev.poolscope.engine;

import java.io.IOException;

/**
 * Starts one worker process for a run. {@link WorkerCommand} starts a real JVM; tests plug in
 * in-process fakes that speak the same {@link dev.poolscope.worker.Wire} protocol over pipes,
 * or that fail to start on cue, to drive the run through exact interleavings.
 * Called on the run's spawner thread, never under the run's lock.
 */
interface WorkerLauncher {
    Process start() throws IOException;
}

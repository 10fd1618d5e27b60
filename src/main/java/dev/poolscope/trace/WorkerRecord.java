package dev.poolscope.trace;

import dev.poolscope.engine.Lane;
import java.util.List;

/**
 * One worker process of a run. A slot whose worker was recycled or replaced after a crash has
 * one record per process, told apart by {@code pid} and {@code generation} (0, 1, ... per slot).
 * Times are ms since the run started, rounded to 0.001.
 *
 * @param spawnMs     when the process was started
 * @param readyMs     when it reported ready (after its initializer, if any); null until then
 * @param exitMs      when it ended; null while it is alive
 * @param exit        null while alive, else the {@link dev.poolscope.engine.ExitKind} id:
 *                    normal, recycled, crashed or terminated
 * @param exitCode    the process's exit code, when known
 * @param signal      the signal that killed it, or null
 * @param detail      why it ended, in words
 * @param initStartMs when its initializer started, or null
 * @param initEndMs   when its initializer ended, or null
 * @param initError   the initializer's error, or null when it succeeded (or there was none)
 * @param samples     what the operating system saw of the process, about 10 a second while it
 *                    lived (empty when the run was not sampled)
 * @param lane        what the lane is (process, thread, another engine's worker, imported lane);
 *                    {@code pid} is -1 where it is not known to be an OS PID
 */
public record WorkerRecord(int slot, long pid, int generation, double spawnMs, Double readyMs, Double exitMs,
                           String exit, Integer exitCode, Integer signal, String detail,
                           Double initStartMs, Double initEndMs, String initError, List<OsSample> samples,
                           Lane lane) {

    public WorkerRecord {
        samples = samples == null ? List.of() : List.copyOf(samples);
        lane = Lane.orProcess(lane);
    }

    /** A record of a process lane (every lane of PoolScope's own workers). */
    public WorkerRecord(int slot, long pid, int generation, double spawnMs, Double readyMs, Double exitMs,
                        String exit, Integer exitCode, Integer signal, String detail,
                        Double initStartMs, Double initEndMs, String initError, List<OsSample> samples) {
        this(slot, pid, generation, spawnMs, readyMs, exitMs, exit, exitCode, signal, detail, initStartMs, initEndMs,
                initError, samples, Lane.PROCESS);
    }

    /** A record without OS samples. */
    public WorkerRecord(int slot, long pid, int generation, double spawnMs, Double readyMs, Double exitMs,
                        String exit, Integer exitCode, Integer signal, String detail,
                        Double initStartMs, Double initEndMs, String initError) {
        this(slot, pid, generation, spawnMs, readyMs, exitMs, exit, exitCode, signal, detail, initStartMs, initEndMs,
                initError, List.of());
    }

    /** Whether the process had not ended when the trace was taken. */
    public boolean alive() {
        return exit == null;
    }
}

package dev.poolscope.trace;

import dev.poolscope.engine.RunEvent;

/**
 * One sample of a worker process as the operating system saw it (see dev.poolscope.os.OsSampler).
 *
 * @param atMs   when it was taken, ms since the run started
 * @param cpuPct percent of one core used since the process's previous sample (can exceed 100)
 * @param state  the /proc state letter: R running, S sleeping, D disk wait, T stopped, Z zombie,
 *               or '?' where the system does not tell
 * @param rssKb  resident memory in KiB, or -1 when unknown
 * @param cpuMs  the process's CPU time since it started
 */
public record OsSample(double atMs, double cpuPct, char state, long rssKb, double cpuMs) {

    /** The event this sample was made from, for replaying a trace through the live models. */
    public RunEvent.WorkerSampled toEvent(int slot, long pid) {
        return new RunEvent.WorkerSampled(Math.round(atMs * 1_000_000.0), slot, pid, cpuPct, state, rssKb, cpuMs);
    }
}

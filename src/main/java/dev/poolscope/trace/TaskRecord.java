package dev.poolscope.trace;

import java.util.List;

/**
 * One task of a run. Times are ms since the run started, rounded to 0.001.
 *
 * @param chunk           the chunk the task was handed out in (tasks of one chunk run as one unit)
 * @param slot            the worker slot that ran it, or -1 if it never started
 * @param pid             the worker process that ran it, or -1 if it never started
 * @param startMs         null until it starts (and for a task cancelled before it started)
 * @param endMs           null while it runs; set when a started task reaches its final status
 * @param status          null while pending or running, else the
 *                        {@link dev.poolscope.engine.TaskStatus} id: ok, failed, crashed,
 *                        cancelled, timeout
 * @param output          the first {@link TraceBuilder#MAX_TASK_OUTPUT_LINES} lines it printed
 * @param outputTruncated whether lines were dropped, here or by the engine's limits
 */
public record TaskRecord(int index, String name, String kind, int chunk, int slot, long pid,
                         Double startMs, Double endMs, String status, String result, String error,
                         List<String> output, boolean outputTruncated) {

    public TaskRecord {
        output = output == null ? List.of() : List.copyOf(output);
    }

    /**
     * The task's time, endMs - startMs; 0 while it runs or if it never started. (Statistics
     * measure a running task up to "now" instead: see {@link StatsCalculator}.)
     */
    public double durationMs() {
        return startMs != null && endMs != null ? Math.max(0, endMs - startMs) : 0;
    }

    /** Started and not yet at its final status. */
    public boolean running() {
        return startMs != null && endMs == null && status == null;
    }
}

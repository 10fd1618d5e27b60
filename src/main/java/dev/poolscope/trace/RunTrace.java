package dev.poolscope.trace;

import java.util.List;

/**
 * The record of a run, finished or in progress: what {@link TraceBuilder} makes from the
 * engine's events, what {@link TraceJson} saves and reads back, and what the exporters and the
 * UI draw. Immutable.
 *
 * @param mode            the {@link dev.poolscope.engine.Mode} id (map, imap, ..., process)
 * @param chunksize       the chunksize the run used (the default computed as Pool.map does)
 * @param stopped         the run was stopped before its tasks were done
 * @param finished        the run has ended (every task final, no worker left)
 * @param makespanMs      the same as {@code stats.makespanMs()}
 * @param deliveryOrder   task indexes in the order results reached the caller
 * @param output          every kept output line, in the order printed
 */
public record RunTrace(String scenario, String mode, int pool, int chunksize, Integer maxTasksPerChild,
                       boolean stopped, boolean finished, double makespanMs, List<WorkerRecord> workers,
                       List<TaskRecord> tasks, List<Integer> deliveryOrder, List<OutputRecord> output,
                       Stats stats) {

    public RunTrace {
        // List.copyOf returns an already-immutable list as it is, so snapshots pay nothing here.
        workers = workers == null ? List.of() : List.copyOf(workers);
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        deliveryOrder = deliveryOrder == null ? List.of() : List.copyOf(deliveryOrder);
        output = output == null ? List.of() : List.copyOf(output);
    }

    /** Worker slots: one per task in process mode, else the pool size. */
    public int slots() {
        return "process".equals(mode) ? tasks.size() : pool;
    }
}

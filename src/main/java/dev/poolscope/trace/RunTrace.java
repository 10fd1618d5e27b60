package dev.poolscope.trace;

import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.RunInfo;
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
 * @param info            what the run was (engine, program, interpreter), or null when not known
 *                        (a version-1 trace, a trace built without its run)
 * @param events          the run's recorded events, in the order the live view was fed them: the
 *                        trace itself, from which every field above is derived (empty for a
 *                        version-1 trace, or a snapshot of a run still going)
 */
public record RunTrace(String scenario, String mode, int pool, int chunksize, Integer maxTasksPerChild,
                       boolean stopped, boolean finished, double makespanMs, List<WorkerRecord> workers,
                       List<TaskRecord> tasks, List<Integer> deliveryOrder, List<OutputRecord> output,
                       Stats stats, RunInfo info, List<RunEvent> events) {

    /** The same trace with other statistics (a sweep's run, with its baseline). */
    public RunTrace withStats(Stats other) {
        return new RunTrace(scenario, mode, pool, chunksize, maxTasksPerChild, stopped, finished, makespanMs, workers,
                tasks, deliveryOrder, output, other);
    }

    public RunTrace {
        // List.copyOf returns an already-immutable list as it is, so snapshots pay nothing here.
        workers = workers == null ? List.of() : List.copyOf(workers);
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        deliveryOrder = deliveryOrder == null ? List.of() : List.copyOf(deliveryOrder);
        output = output == null ? List.of() : List.copyOf(output);
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** The summary alone: no run info, no recorded events. */
    public RunTrace(String scenario, String mode, int pool, int chunksize, Integer maxTasksPerChild,
                    boolean stopped, boolean finished, double makespanMs, List<WorkerRecord> workers,
                    List<TaskRecord> tasks, List<Integer> deliveryOrder, List<OutputRecord> output, Stats stats) {
        this(scenario, mode, pool, chunksize, maxTasksPerChild, stopped, finished, makespanMs, workers, tasks,
                deliveryOrder, output, stats, null, List.of());
    }

    /** This trace, saying what run it is of. */
    public RunTrace withInfo(RunInfo what) {
        return new RunTrace(scenario, mode, pool, chunksize, maxTasksPerChild, stopped, finished, makespanMs, workers,
                tasks, deliveryOrder, output, stats, what, events);
    }

    /** This trace with other tasks (the same run seen another way, e.g. a program's tasks as "python"). */
    public RunTrace withTasks(List<TaskRecord> others) {
        return new RunTrace(scenario, mode, pool, chunksize, maxTasksPerChild, stopped, finished, makespanMs, workers,
                others, deliveryOrder, output, stats, info, events);
    }

    /** Whether the trace keeps its run's events (version 2), so a replay plays them as they were. */
    public boolean recorded() {
        return !events.isEmpty();
    }

    /** Worker slots: one per task in process mode, else the pool size. */
    public int slots() {
        return "process".equals(mode) ? tasks.size() : pool;
    }
}

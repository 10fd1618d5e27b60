package dev.poolscope.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * Adds the operating system's side to a run's {@link Stats}: each slot's CPU utilization beside
 * its busy utilization, the run's CPU use in cores (their sum), and the machine's CPU count and load.
 *
 * <p>CPU utilization of a slot = the CPU time its processes used between the first task start
 * and the last task end (the makespan window) / makespan, from the samples: a sample's cpuPct
 * covers the time since the process's previous sample (its spawn for the first). 1.0 is one
 * core's worth. A slot with no sample has none (null), so a trace without samples reads as before.
 */
public final class CpuStats {
    private CpuStats() {}

    /**
     * @param machineCpus the machine's CPU count, 0 when unknown
     * @param machineLoad1 the 1-minute load average, -1 when unknown
     */
    public static Stats with(Stats stats, List<TaskRecord> tasks, List<WorkerRecord> workers, int machineCpus,
                             double machineLoad1) {
        double first = Double.POSITIVE_INFINITY;
        for (TaskRecord t : tasks) {
            if (t.startMs() != null) {
                first = Math.min(first, t.startMs());
            }
        }
        double makespan = stats.makespanMs();
        List<SlotStats> slots = new ArrayList<>(stats.slots().size());
        double cores = 0;
        boolean anySampled = false;
        for (SlotStats s : stats.slots()) {
            Double cpu = null;
            if (makespan > 0) {
                double cpuMs = 0;
                boolean sampled = false;
                for (WorkerRecord w : workers) {
                    if (w.slot() == s.slot() && !w.samples().isEmpty()) {
                        sampled = true;
                        cpuMs += cpuMsWithin(w, first, first + makespan);
                    }
                }
                cpu = sampled ? Ms.round6(cpuMs / makespan) : null;
                cores += cpuMs / makespan;
                anySampled |= sampled;
            }
            slots.add(new SlotStats(s.slot(), s.busyMs(), s.utilization(), cpu));
        }
        return new Stats(stats.makespanMs(), stats.totalBusyMs(), stats.concurrency(),
                anySampled ? Ms.round6(cores) : null, stats.speedup(), stats.efficiency(), stats.baselineMakespanMs(),
                stats.lowerBoundMs(), stats.longestTaskMs(), slots, machineCpus,
                Double.isFinite(machineLoad1) ? machineLoad1 : -1);
    }

    /** CPU ms a worker used within [from, to], each sample's cpuPct spread over its interval. */
    static double cpuMsWithin(WorkerRecord w, double from, double to) {
        double prev = w.spawnMs();
        double sum = 0;
        for (OsSample s : w.samples()) {
            double lo = Math.max(prev, from);
            double hi = Math.min(s.atMs(), to);
            if (hi > lo) {
                sum += (hi - lo) * s.cpuPct() / 100;
            }
            prev = s.atMs();
        }
        return sum;
    }

    /** The mean CPU % of a worker while it ran tasks (each sample weighed by its time inside a task). */
    public static double cpuPctDuringTasks(WorkerRecord w, List<TaskRecord> tasks) {
        double cpu = 0;
        double time = 0;
        for (TaskRecord t : tasks) {
            if (t.pid() == w.pid() && t.slot() == w.slot() && t.startMs() != null && t.endMs() != null) {
                cpu += cpuMsWithin(w, t.startMs(), t.endMs());
                time += t.endMs() - t.startMs();
            }
        }
        return time > 0 ? 100 * cpu / time : 0;
    }
}

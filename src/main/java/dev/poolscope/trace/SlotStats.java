package dev.poolscope.trace;

/**
 * How busy one worker slot was.
 *
 * @param busyMs      the summed time of the tasks that ran in this slot (all its processes)
 * @param utilization busyMs / makespan, 0..1 (0 when the makespan is 0)
 * @param cpuUtilization CPU time its processes used in the makespan window / makespan (1.0 is one
 *                    core's worth; see {@link CpuStats}), or null when the run was not sampled
 */
public record SlotStats(int slot, double busyMs, double utilization, Double cpuUtilization) {

    /** A slot's figures without CPU utilization. */
    public SlotStats(int slot, double busyMs, double utilization) {
        this(slot, busyMs, utilization, null);
    }
}

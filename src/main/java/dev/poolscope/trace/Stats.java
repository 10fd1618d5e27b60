package dev.poolscope.trace;

import java.util.List;

/**
 * A run's timing statistics; see {@link StatsCalculator} for the definitions. Every number is
 * finite, so traces stay valid JSON.
 *
 * <p>{@code concurrency} = total busy / makespan: how many tasks ran at once on average. It is not
 * a speedup: {@code speedup} (baseline makespan / this makespan) and {@code efficiency} (speedup /
 * pool size) are null unless a measured baseline says what they are against
 * ({@code baselineMakespanMs}: a sweep's pool-1 point, a pinned run, a serial run); see
 * {@link #withBaseline}. {@code cpuCores} = CPU time of the run's processes within the makespan /
 * makespan, in cores (null without OS samples). {@code machineCpus} (0 when unknown) and
 * {@code machineLoad1} (the 1-minute load at the last machine sample, -1 when unknown) say what
 * the workers shared (see {@link CpuStats}).
 */
public record Stats(double makespanMs, double totalBusyMs, double concurrency, Double cpuCores, Double speedup,
                    Double efficiency, Double baselineMakespanMs, double lowerBoundMs, double longestTaskMs,
                    List<SlotStats> slots, int machineCpus, double machineLoad1) {

    public Stats {
        slots = slots == null ? List.of() : List.copyOf(slots);
    }

    /** Statistics of one run on its own: no baseline, no CPU or machine figures. */
    public static Stats measured(double makespanMs, double totalBusyMs, double concurrency, double lowerBoundMs,
                                 double longestTaskMs, List<SlotStats> slots) {
        return new Stats(makespanMs, totalBusyMs, concurrency, null, null, null, null, lowerBoundMs, longestTaskMs,
                slots, 0, -1);
    }

    /**
     * The same statistics with speedup and efficiency against a measured baseline: speedup =
     * baseline makespan / this makespan, efficiency = speedup / {@code workers} (the workers
     * relative to the baseline's; null leaves efficiency out, when the pool did not change).
     */
    public Stats withBaseline(double baselineMs, Double workers) {
        if (!(baselineMs > 0) || !(makespanMs > 0)) {
            return this;
        }
        double s = Ms.round6(baselineMs / makespanMs);
        return new Stats(makespanMs, totalBusyMs, concurrency, cpuCores, s,
                workers == null ? null : Ms.round6(s / Math.max(1e-9, workers)), Ms.round3(baselineMs), lowerBoundMs,
                longestTaskMs, slots(), machineCpus, machineLoad1);
    }
}

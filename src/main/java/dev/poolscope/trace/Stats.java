package dev.poolscope.trace;

import java.util.List;

/**
 * A run's timing statistics; see {@link StatsCalculator} for the definitions. Every value is
 * finite (a zero makespan gives speedup and efficiency 0), so traces stay valid JSON.
 * {@code machineCpus} (0 when unknown) and {@code machineLoad1} (the 1-minute load average at
 * the last machine sample, -1 when unknown) say what the workers shared (see {@link CpuStats}).
 */
public record Stats(double makespanMs, double totalBusyMs, double speedup, double efficiency, double lowerBoundMs,
                    double longestTaskMs, List<SlotStats> slots, int machineCpus, double machineLoad1) {

    public Stats {
        slots = slots == null ? List.of() : List.copyOf(slots);
    }

    /** Statistics without the machine's figures. */
    public Stats(double makespanMs, double totalBusyMs, double speedup, double efficiency, double lowerBoundMs,
                 double longestTaskMs, List<SlotStats> slots) {
        this(makespanMs, totalBusyMs, speedup, efficiency, lowerBoundMs, longestTaskMs, slots, 0, -1);
    }
}

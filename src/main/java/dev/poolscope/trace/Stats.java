package dev.poolscope.trace;

import java.util.List;

/**
 * A run's timing statistics; see {@link StatsCalculator} for the definitions. Every value is
 * finite (a zero makespan gives speedup and efficiency 0), so traces stay valid JSON.
 */
public record Stats(double makespanMs, double totalBusyMs, double speedup, double efficiency, double lowerBoundMs,
                    double longestTaskMs, List<SlotStats> slots) {

    public Stats {
        slots = slots == null ? List.of() : List.copyOf(slots);
    }
}

package dev.poolscope.sweep;

import java.util.List;

/**
 * What a sweep measured, ready for a table, a chart or a file.
 *
 * @param points        one per value that has at least one complete run, in the plan's order
 * @param baseline      what speedup is measured against, in words ("the median makespan at pool 1")
 * @param baselineMs    that makespan
 * @param baselineSlots the workers of the baseline (pool sweeps count workers relative to it)
 * @param fit           Amdahl's law fitted to the medians (pool sweeps with 2+ pool sizes), or null
 * @param cpus          the CPU count of the machine the sweep ran on
 * @param totalWorkMs   total task time at the baseline (the work to share out)
 * @param longestTaskMs longest task at the baseline
 * @param missing       values without a single complete run (cancelled, or a task failed)
 * @param verdict       one plain sentence or two about what the numbers show
 */
public record SweepSummary(SweepPlan plan, List<SweepPoint> points, String baseline, double baselineMs,
                           int baselineSlots,
                           AmdahlFit fit, int cpus, double totalWorkMs, double longestTaskMs,
                           List<String> missing, String verdict) {

    public SweepSummary {
        points = List.copyOf(points);
        missing = List.copyOf(missing);
    }

    public SweepSetting setting() {
        return plan.setting();
    }

    /** Whether this is a pool sweep (the only kind with ideal line, Karp-Flatt and Amdahl). */
    public boolean scaling() {
        return plan.setting() == SweepSetting.POOL;
    }

    /** One run's speedup: the baseline's median makespan / this run's makespan. */
    public double speedupOf(SweepRun run) {
        return run.makespanMs() > 0 ? baselineMs / run.makespanMs() : 0;
    }

    /** One run's efficiency, defined as for {@link SweepPoint#efficiency()}. */
    public double efficiencyOf(SweepRun run) {
        if (!scaling()) {
            return Scaling.busyShare(run);
        }
        return speedupOf(run) / ((double) run.config().slots() / Math.max(1, baselineSlots));
    }

    /** A run's trace with its speedup (and, in a pool sweep, efficiency) against this sweep's baseline. */
    public dev.poolscope.trace.RunTrace traceWithBaseline(SweepRun run) {
        Double workers = scaling() ? (double) run.config().slots() / Math.max(1, baselineSlots) : null;
        return run.trace().withStats(run.trace().stats().withBaseline(baselineMs, workers));
    }

    /** The schedule bound at {@code slots} workers: max(longest task, total work / slots). */
    public double lowerBoundAt(double slots) {
        return Math.max(longestTaskMs, totalWorkMs / Math.max(1, slots));
    }
}

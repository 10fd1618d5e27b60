package dev.poolscope.sweep;

/**
 * The statistics of one value of a sweep, over its finished runs.
 *
 * @param slots          worker slots of its runs (the pool size, or one per task in process mode)
 * @param runs           how many runs count here (complete ones only)
 * @param speedup        the baseline's median makespan / this median (see {@link SweepSummary#baseline()})
 * @param efficiency     pool sweeps: speedup / (workers relative to the baseline); other sweeps:
 *                       the median of the runs' own efficiency (total task time / (slots x makespan))
 * @param karpFlatt      the serial fraction e implied by the speedup; null at the baseline and
 *                       outside pool sweeps
 * @param idealSpeedup   what a perfect pool would reach (workers relative to the baseline); null
 *                       outside pool sweeps
 * @param lowerBoundMs   max(longest task, total task time / slots) with the task times measured
 *                       at the baseline: no schedule of this task list can beat it
 * @param totalBusyMs    median total task time of its runs: grows past the baseline's when tasks
 *                       stretch (CPU work sharing cores)
 * @param representative the run whose makespan is nearest the median (the one a click opens)
 */
public record SweepPoint(int index, String value, String label, int slots, int runs, double medianMs,
                         double minMs, double maxMs, double speedup, double efficiency, Double karpFlatt,
                         Double idealSpeedup, double lowerBoundMs, double totalBusyMs,
                         SweepRun representative) {
}

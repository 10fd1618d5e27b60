package dev.poolscope.sweep;

import java.util.List;

/**
 * A sweep's outcome: its plan and every run that finished, in the order they ran.
 *
 * @param cancelled the sweep was cancelled before every run was done
 */
public record SweepResult(SweepPlan plan, List<SweepRun> runs, boolean cancelled) {
    public SweepResult {
        runs = List.copyOf(runs);
    }

    /** Whether every planned run finished with every task ok. */
    public boolean allComplete() {
        return !cancelled && runs.size() == plan.runCount() && runs.stream().allMatch(SweepRun::complete);
    }

    /** The statistics of the sweep on a machine with {@code cpus} CPUs. */
    public SweepSummary summary(int cpus) {
        return Scaling.summarize(plan, runs, cpus);
    }

    /** The statistics on this machine. */
    public SweepSummary summary() {
        return summary(Runtime.getRuntime().availableProcessors());
    }
}

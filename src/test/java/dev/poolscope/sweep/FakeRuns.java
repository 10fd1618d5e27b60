package dev.poolscope.sweep;

import dev.poolscope.trace.RunTrace;
import dev.poolscope.trace.SlotStats;
import dev.poolscope.trace.Stats;
import dev.poolscope.trace.TaskRecord;
import java.util.ArrayList;
import java.util.List;

/** Sweep runs with made-up timings, for testing the arithmetic without waiting for workers. */
final class FakeRuns {
    private FakeRuns() {}

    /** A complete run of value {@code v} with the given makespan, total task time and longest task. */
    static SweepRun run(SweepPlan plan, int v, int repeat, double makespan, double totalBusy, double longest) {
        var config = plan.config(v);
        List<TaskRecord> tasks = new ArrayList<>();
        for (int i = 0; i < config.tasks().size(); i++) {
            tasks.add(new TaskRecord(i, "t" + i, "sleep", i, 0, 1, 0.0, longest, "ok", null, null, null, false));
        }
        Stats stats = Stats.measured(makespan, totalBusy, totalBusy / makespan, Math.max(longest,
                totalBusy / config.slots()), longest, List.<SlotStats>of());
        RunTrace trace = new RunTrace(plan.scenario(), config.mode().id(), config.pool(), config.effectiveChunksize(),
                null, false, true, makespan, List.of(), tasks, List.of(), List.of(), stats);
        return new SweepRun(v, plan.values().get(v), repeat, config, trace, List.of(), makespan + 100);
    }
}

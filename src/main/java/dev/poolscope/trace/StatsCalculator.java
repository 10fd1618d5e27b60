package dev.poolscope.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * A run's timing statistics. The definitions (also in the README):
 * <ul>
 * <li>a task's time = endMs - startMs; a running task is measured up to {@code nowMs};
 *     tasks that never started count nothing;</li>
 * <li>makespanMs = from the first task start to the last task end. This is the part the pool
 *     size affects; worker start-up is reported separately (WorkerRecord.readyMs);</li>
 * <li>totalBusyMs = the sum of task times;</li>
 * <li>concurrency = totalBusyMs / makespanMs (how many tasks ran at once on average; not a
 *     speedup, which needs a measured baseline: {@link Stats#withBaseline});</li>
 * <li>utilization of a slot = the time of the tasks that ran in it / makespanMs;</li>
 * <li>lowerBoundMs = max(longest task, totalBusyMs / slots): no schedule on this many slots
 *     can finish sooner.</li>
 * </ul>
 * A zero makespan gives concurrency and utilization 0: never NaN or Infinity.
 * Times are rounded to 0.001 ms, ratios to 6 decimals.
 */
public final class StatsCalculator {
    private StatsCalculator() {}

    /**
     * @param slots the run's worker slots ({@code RunConfig.slots()}); the result has one
     *              {@link SlotStats} per slot (more if a task names a slot beyond them)
     * @param nowMs where a running task's time ends
     */
    public static Stats of(List<TaskRecord> tasks, int slots, double nowMs) {
        Makespan span = new Makespan();
        double total = 0;
        double longest = 0;
        List<Double> busy = new ArrayList<>();
        for (int s = 0; s < slots; s++) {
            busy.add(0.0);
        }
        for (TaskRecord t : tasks) {
            if (t.startMs() == null) {
                continue;
            }
            double start = t.startMs();
            double end = t.endMs() != null ? t.endMs() : Math.max(start, nowMs);
            double time = Math.max(0, end - start);
            span.add(start, end);
            total += time;
            longest = Math.max(longest, time);
            if (t.slot() >= 0) {
                while (busy.size() <= t.slot()) {
                    busy.add(0.0);
                }
                busy.set(t.slot(), busy.get(t.slot()) + time);
            }
        }
        double makespan = span.ms();
        total = Ms.round3(total);
        double concurrency = makespan > 0 ? total / makespan : 0;
        double lowerBound = Math.max(longest, slots > 0 ? total / slots : total);
        List<SlotStats> perSlot = new ArrayList<>(busy.size());
        for (int s = 0; s < busy.size(); s++) {
            double b = Ms.round3(busy.get(s));
            perSlot.add(new SlotStats(s, b, makespan > 0 ? Ms.round6(b / makespan) : 0));
        }
        return Stats.measured(makespan, total, Ms.round6(concurrency), Ms.round3(lowerBound), Ms.round3(longest), perSlot);
    }
}

package dev.poolscope.sweep;

import dev.poolscope.trace.RunTrace;
import dev.poolscope.trace.TaskRecord;
import dev.poolscope.trace.WorkerRecord;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The figures a comparison puts side by side, read from one trace. Times in ms since the run
 * started.
 *
 * @param lastReadyMs      when the last first-generation worker reported ready
 * @param firstStartSpread how far apart the lanes' first task starts were (0 when they began together)
 * @param concurrency      total task time / makespan: how many tasks ran at once on average
 * @param busyShare        total task time / (slots x makespan): how busy the workers were
 * @param inputOrder       results reached the caller in input order
 * @param stopped          the run was stopped (or cancelled) before every task ran: its figures are not rated
 */
public record RunFacts(double makespanMs, double totalBusyMs, double meanTaskMs, double concurrency, double busyShare,
                       double lowerBoundMs, double lastReadyMs, double firstStartSpread, double lastEndMs,
                       int chunks, int okTasks, int tasks, boolean inputOrder, boolean stopped) {

    public static RunFacts of(RunTrace t) {
        double lastReady = 0;
        for (WorkerRecord w : t.workers()) {
            if (w.generation() == 0 && w.readyMs() != null) {
                lastReady = Math.max(lastReady, w.readyMs());
            }
        }
        double[] firstStart = new double[Math.max(1, t.slots())];
        java.util.Arrays.fill(firstStart, Double.NaN);
        double lastEnd = 0;
        int started = 0;
        int ok = 0;
        Set<Integer> chunks = new HashSet<>();
        for (TaskRecord task : t.tasks()) {
            if (task.startMs() == null) {
                continue;
            }
            started++;
            chunks.add(task.chunk());
            if ("ok".equals(task.status())) {
                ok++;
            }
            if (task.slot() >= 0 && task.slot() < firstStart.length
                    && (Double.isNaN(firstStart[task.slot()]) || task.startMs() < firstStart[task.slot()])) {
                firstStart[task.slot()] = task.startMs();
            }
            if (task.endMs() != null) {
                lastEnd = Math.max(lastEnd, task.endMs());
            }
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double s : firstStart) {
            if (!Double.isNaN(s)) {
                lo = Math.min(lo, s);
                hi = Math.max(hi, s);
            }
        }
        var st = t.stats();
        return new RunFacts(st.makespanMs(), st.totalBusyMs(), started == 0 ? 0 : st.totalBusyMs() / started,
                st.concurrency(), st.concurrency() / Math.max(1, t.slots()), st.lowerBoundMs(), lastReady,
                hi >= lo ? hi - lo : 0, lastEnd, chunks.size(), ok, t.tasks().size(), sorted(t.deliveryOrder()),
                t.stopped() || !t.finished());
    }

    private static boolean sorted(List<Integer> order) {
        for (int i = 1; i < order.size(); i++) {
            if (order.get(i) < order.get(i - 1)) {
                return false;
            }
        }
        return true;
    }
}

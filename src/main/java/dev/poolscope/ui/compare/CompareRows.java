package dev.poolscope.ui.compare;

import dev.poolscope.sweep.Comparison;
import dev.poolscope.sweep.Format;
import dev.poolscope.trace.RunTrace;
import dev.poolscope.trace.Stats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The comparison window's statistics rows: the comparison's own, CPU use in cores beside "tasks
 * at once", and speedup and efficiency only where a run was measured against a baseline (a
 * sweep's pool-1 point or first point, a pinned run): its trace names the baseline's makespan
 * ({@code stats.baselineMakespanMs}). A single run, or runs without one, get no such row and no
 * such word (issue 21: busy time / makespan is how many tasks ran at once, not a speedup).
 * Plain Java.
 */
public final class CompareRows {
    private CompareRows() {}

    public static List<Comparison.Row> of(Comparison comparison) {
        List<RunTrace> traces = comparison.traces();
        List<Comparison.Row> rows = new ArrayList<>();
        for (Comparison.Row r : comparison.rows()) {
            rows.add(r);
            if (r.name().startsWith("tasks at once")) {
                rows.add(row("CPU use (cores)", traces, t -> t.stats().cpuCores() == null ? "not measured"
                        : String.format(Locale.ROOT, "%.2f", t.stats().cpuCores())));
            }
        }
        boolean anyBaseline = traces.stream().anyMatch(t -> rated(t) && t.stats().speedup() != null);
        if (anyBaseline) {
            rows.add(row("baseline makespan (ms)", traces, t -> t.stats().baselineMakespanMs() == null ? "none"
                    : Format.ms(t.stats().baselineMakespanMs())));
            rows.add(row("speedup (baseline / makespan)", traces,
                    t -> rated(t) && t.stats().speedup() != null ? Format.ratio(t.stats().speedup()) + "\u00d7" : "\u2013"));
            if (traces.stream().anyMatch(t -> rated(t) && t.stats().efficiency() != null)) {
                rows.add(row("efficiency (speedup / workers against the baseline's)", traces,
                        t -> rated(t) && t.stats().efficiency() != null ? Format.percent(t.stats().efficiency()) : "\u2013"));
            }
        }
        return rows;
    }

    /** A run stopped before every task ran is not rated. */
    private static boolean rated(RunTrace t) {
        return !t.stopped() && t.finished();
    }

    /**
     * The run's trace measured against {@code baseline} (a pinned run): its speedup, and its
     * efficiency counted against the baseline's workers (as a pool sweep counts them).
     */
    public static RunTrace against(RunTrace run, RunTrace baseline) {
        if (!rated(baseline) || !rated(run)) {
            return run;
        }
        Stats s = run.stats().withBaseline(baseline.stats().makespanMs(),
                (double) Math.max(1, run.slots()) / Math.max(1, baseline.slots()));
        return run.withStats(s);
    }

    private static Comparison.Row row(String name, List<RunTrace> traces, Function<RunTrace, String> value) {
        return new Comparison.Row(name, traces.stream().map(value).toList());
    }
}

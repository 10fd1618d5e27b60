package dev.poolscope.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The scaling arithmetic of a sweep (definitions also in the README). With T(p) the median
 * makespan at pool p and p0 the baseline pool (1 when swept, else the smallest swept):
 * <ul>
 * <li>speedup S(p) = T(p0) / T(p); with n = p / p0 workers relative to the baseline, the ideal is n;</li>
 * <li>efficiency S(p) / n;</li>
 * <li>Karp-Flatt e(p) = (1/S - 1/n) / (1 - 1/n): the serial fraction this speedup implies;</li>
 * <li>the lower bound max(longest task, total task time / p), task times as measured at p0.</li>
 * </ul>
 * For other settings the pool is fixed: speedup is against the first value, efficiency is the
 * runs' own (how busy the workers were), and the pool-only metrics are left out.
 */
public final class Scaling {
    private Scaling() {}

    public static SweepSummary summarize(SweepPlan plan, List<SweepRun> runs, int cpus) {
        List<List<SweepRun>> byValue = new ArrayList<>();
        for (int v = 0; v < plan.values().size(); v++) {
            byValue.add(new ArrayList<>());
        }
        for (SweepRun r : runs) {
            if (r.complete()) {
                byValue.get(r.valueIndex()).add(r);
            }
        }
        List<Integer> present = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (int v = 0; v < byValue.size(); v++) {
            if (byValue.get(v).isEmpty()) {
                missing.add(plan.label(v));
            } else {
                present.add(v);
            }
        }
        if (present.isEmpty()) {
            return new SweepSummary(plan, List.of(), "nothing (no run finished)", 0, 1, null, cpus, 0, 0, missing,
                    "No run of this sweep finished with every task ok, so there is nothing to compare.");
        }
        boolean pools = plan.setting() == SweepSetting.POOL;
        // The baseline: the smallest pool of a pool sweep (pool 1 when swept), else the first value.
        int base = pools ? present.stream().min(Comparator.comparingInt(v -> plan.config(v).pool())).orElseThrow()
                : present.get(0);
        List<SweepRun> baseRuns = byValue.get(base);
        double t0 = median(makespans(baseRuns));
        double work = median(baseRuns.stream().map(r -> r.trace().stats().totalBusyMs()).toList());
        double longest = median(baseRuns.stream().map(r -> r.trace().stats().longestTaskMs()).toList());
        int p0 = plan.config(base).slots();
        String baseline = "the median makespan at " + plan.label(base) + " (" + Format.ms(t0) + " ms)";
        if (pools && p0 != 1) {
            baseline += "; pool 1 was not swept, so speedup counts workers relative to " + p0;
        }

        List<SweepPoint> points = new ArrayList<>();
        List<double[]> forFit = new ArrayList<>();
        for (int v : present) {
            List<SweepRun> list = byValue.get(v);
            List<Double> ms = makespans(list);
            double med = median(ms);
            int slots = plan.config(v).slots();
            double speedup = med > 0 ? t0 / med : 0;
            Double ideal = null;
            Double karpFlatt = null;
            double efficiency;
            if (pools) {
                double n = (double) slots / p0;
                ideal = n;
                efficiency = speedup / n;
                karpFlatt = n > 1 && speedup > 0 ? karpFlatt(speedup, n) : null;
                forFit.add(new double[] {slots, med});
            } else {
                efficiency = median(list.stream().map(Scaling::busyShare).toList());
            }
            double lowerBound = Math.max(longest, work / Math.max(1, slots));
            points.add(new SweepPoint(v, plan.values().get(v), plan.label(v), slots, list.size(), med,
                    ms.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                    ms.stream().mapToDouble(Double::doubleValue).max().orElse(0), speedup, efficiency, karpFlatt,
                    ideal, lowerBound, median(list.stream().map(r -> r.trace().stats().totalBusyMs()).toList()),
                    nearest(list, med)));
        }
        AmdahlFit fit = pools ? AmdahlFit.of(forFit) : null;
        SweepSummary draft = new SweepSummary(plan, points, baseline, t0, p0, fit, cpus, work, longest, missing, "");
        return new SweepSummary(plan, points, baseline, t0, p0, fit, cpus, work, longest, missing, Verdict.of(draft));
    }

    /** How busy a run's workers were: total task time / (slots x makespan). */
    static double busyShare(SweepRun run) {
        return run.trace().stats().concurrency() / Math.max(1, run.config().slots());
    }

    /** e = (1/S - 1/n) / (1 - 1/n), for n > 1 workers relative to the baseline. */
    public static double karpFlatt(double speedup, double n) {
        return (1 / speedup - 1 / n) / (1 - 1 / n);
    }

    /** The median; the mean of the middle two for an even count. */
    public static double median(List<Double> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }

    private static List<Double> makespans(List<SweepRun> runs) {
        return runs.stream().map(SweepRun::makespanMs).toList();
    }

    private static SweepRun nearest(List<SweepRun> runs, double ms) {
        return runs.stream().min(Comparator.comparingDouble(r -> Math.abs(r.makespanMs() - ms))).orElseThrow();
    }
}

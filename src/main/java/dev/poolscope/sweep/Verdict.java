package dev.poolscope.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The plain sentence under a sweep's chart, worked out from its numbers (nothing is written per
 * lesson). For a pool sweep: where the makespan stops falling (the first pool within
 * {@link #CLOSE} of the best), why it stops there (the task list leaves no work for more
 * workers, or the pool has reached the CPU count), whether larger pools got slower, and what
 * the Karp-Flatt values say. For other settings: which value was fastest and by how much.
 */
final class Verdict {
    /** Within 10 % of the best counts as "as fast": measurements on a shared machine wobble. */
    static final double CLOSE = 1.10;

    private Verdict() {}

    static String of(SweepSummary s) {
        List<SweepPoint> pts = s.points();
        if (pts.size() < 2) {
            return "Only " + (pts.isEmpty() ? "no value" : s.plan().label(pts.get(0).index()))
                    + " finished, so there is nothing to compare.";
        }
        return s.scaling() ? pools(s) : other(s);
    }

    private static String pools(SweepSummary s) {
        List<SweepPoint> pts = new ArrayList<>(s.points());
        pts.sort(Comparator.comparingInt(SweepPoint::slots));
        SweepPoint first = pts.get(0);
        SweepPoint best = pts.stream().min(Comparator.comparingDouble(SweepPoint::medianMs)).orElseThrow();
        SweepPoint knee = pts.stream().filter(p -> p.medianMs() <= best.medianMs() * CLOSE).findFirst().orElseThrow();
        SweepPoint last = pts.get(pts.size() - 1);
        StringBuilder sb = new StringBuilder();
        if (knee == first) {
            sb.append("No larger pool was more than 10 % faster than ").append(first.label()).append(" (")
                    .append(Format.ms(first.medianMs())).append(" ms)");
        } else {
            sb.append("The makespan falls from ").append(Format.ms(first.medianMs())).append(" ms at ")
                    .append(first.label()).append(" to ").append(Format.ms(knee.medianMs())).append(" ms at ")
                    .append(knee.label()).append(" (speedup ").append(Format.ratio(knee.speedup())).append(")");
        }
        if (knee == last) {
            sb.append(" and is still falling at the largest pool swept.");
        } else {
            sb.append(knee == first ? "" : "; larger pools are at most 10 % faster").append(reason(s, knee, pts)).append('.');
        }
        if (last.medianMs() > best.medianMs() * 1.15 && last != knee) {
            sb.append(" At ").append(last.label()).append(" it is slower again (").append(Format.ms(last.medianMs()))
                    .append(" ms).");
        }
        sb.append(karpFlatt(pts, s.fit()));
        return sb.toString();
    }

    /**
     * Why larger pools stop helping after {@code knee}: the task list has no more work to share,
     * or the tasks themselves got slower (their total time grew: CPU work sharing cores), or,
     * failing both, overhead that grows with the pool (such as workers starting one by one).
     */
    private static String reason(SweepSummary s, SweepPoint knee, List<SweepPoint> sorted) {
        if (s.totalWorkMs() / knee.slots() <= s.longestTaskMs() * CLOSE) {
            return ": with " + s.plan().base().tasks().size() + " tasks, more workers get no work, and no schedule"
                    + " can beat the longest task (" + Format.ms(s.longestTaskMs()) + " ms)";
        }
        SweepPoint next = sorted.get(sorted.indexOf(knee) + 1);
        String allow = ", although the task list would allow " + Format.ms(s.lowerBoundAt(next.slots())) + " ms at "
                + next.label();
        double stretch = s.totalWorkMs() > 0 ? next.totalBusyMs() / s.totalWorkMs() : 1;
        if (stretch > 1.25) {
            return allow + ": there each task took " + Format.ratio(stretch) + " times as long, because "
                    + (next.slots() > s.cpus() ? "more workers than the " + s.cpus() + " CPUs share the same cores"
                    : "the workers competed for the CPU");
        }
        return allow + ": the tasks took no longer, so the time went to overhead that grows with the pool";
    }

    private static String karpFlatt(List<SweepPoint> pts, AmdahlFit fit) {
        List<SweepPoint> measured = pts.stream().filter(p -> p.karpFlatt() != null).toList();
        if (measured.size() < 2) {
            return fit == null ? "" : " Amdahl's law fits a serial fraction of " + Format.ratio(fit.serialFraction()) + ".";
        }
        double lo = measured.stream().mapToDouble(SweepPoint::karpFlatt).min().orElse(0);
        double hi = measured.stream().mapToDouble(SweepPoint::karpFlatt).max().orElse(0);
        double firstE = measured.get(0).karpFlatt();
        double lastE = measured.get(measured.size() - 1).karpFlatt();
        double mean = measured.stream().mapToDouble(SweepPoint::karpFlatt).average().orElse(0);
        if (lastE - firstE > 0.1) {
            return " The Karp-Flatt serial fraction rises from " + Format.ratio(firstE) + " to " + Format.ratio(lastE)
                    + " as the pool grows: the loss is not a fixed serial part but one that grows with the pool.";
        }
        if (mean <= 0.1) {
            return " The Karp-Flatt serial fraction stays small (" + Format.ratio(Math.max(0, lo)) + " to "
                    + Format.ratio(hi) + "): little of the run is serial.";
        }
        if (hi - lo <= 0.1) {
            return " The Karp-Flatt serial fraction stays near " + Format.ratio(mean)
                    + ": a fixed serial part, as Amdahl's law assumes"
                    + (fit == null ? "." : " (the fit gives " + Format.ratio(fit.serialFraction()) + ").");
        }
        return " The Karp-Flatt serial fraction varies between " + Format.ratio(lo) + " and " + Format.ratio(hi) + ".";
    }

    private static String other(SweepSummary s) {
        List<SweepPoint> pts = s.points();
        SweepPoint best = pts.stream().min(Comparator.comparingDouble(SweepPoint::medianMs)).orElseThrow();
        SweepPoint worst = pts.stream().max(Comparator.comparingDouble(SweepPoint::medianMs)).orElseThrow();
        String setting = s.setting().id();
        if (worst.medianMs() <= best.medianMs() * CLOSE) {
            return "Every " + setting + " finished within 10 % of the others (" + Format.ms(best.medianMs()) + "-"
                    + Format.ms(worst.medianMs()) + " ms): " + setting + " made little difference to this task list.";
        }
        return best.label() + " was fastest (" + Format.ms(best.medianMs()) + " ms), and " + worst.label()
                + " slowest (" + Format.ms(worst.medianMs()) + " ms, " + Format.ratio(worst.medianMs() / best.medianMs())
                + " times as long); the workers were busy " + Format.percent(best.efficiency()) + " of the time with "
                + best.label() + " against " + Format.percent(worst.efficiency()) + " with " + worst.label() + ".";
    }
}

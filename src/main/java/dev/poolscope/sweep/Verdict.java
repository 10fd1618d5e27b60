package dev.poolscope.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The plain sentence under a sweep's chart, worked out from its numbers (nothing is written per
 * lesson). First, whether the numbers can be read at all: repeats that spread more than
 * {@link #NOISE} times are noise, and then no trend is claimed. For a pool sweep: where the
 * makespan stops falling (the first pool within {@link #CLOSE} of the best), whether that is the
 * schedule bound (no pool can beat it), else why it stops there (the task list leaves no work for
 * more workers, or the pool has reached the CPU count), which larger pools are slower and by how
 * much, and what Karp-Flatt and Amdahl say, in words. For other settings: which value was
 * fastest and by how much.
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
        String noise = noise(pts);
        if (noise != null) {
            return noise; // no trend is claimed from numbers this spread
        }
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
        if (knee.medianMs() <= s.longestTaskMs() * CLOSE) {
            // The floor of every pool's bound: more workers cannot finish before the longest task does.
            sb.append(": at ").append(knee.label()).append(" it reaches the schedule bound (")
                    .append(Format.ms(knee.lowerBoundMs())).append(" ms): with ").append(s.plan().base().tasks().size())
                    .append(" tasks no schedule can beat the longest task (").append(Format.ms(s.longestTaskMs()))
                    .append(" ms), so no pool can do better with this task list.");
        } else if (knee == last) {
            sb.append(" and is still falling at the largest pool swept.");
        } else {
            sb.append(knee == first ? "" : "; larger pools do no better").append(reason(s, knee, pts)).append('.');
        }
        for (SweepPoint p : pts) {
            if (p.slots() > best.slots() && p.medianMs() > best.medianMs() * CLOSE) {
                sb.append(" ").append(capital(p.label())).append(" is slower: ")
                        .append(Format.percent(p.medianMs() / best.medianMs() - 1)).append(" slower than ")
                        .append(best.label()).append(" (").append(Format.ms(p.medianMs())).append(" ms against ")
                        .append(Format.ms(best.medianMs())).append(" ms).");
            }
        }
        sb.append(karpFlatt(pts, s.fit()));
        return sb.toString();
    }

    /** A spread between repeats this wide (max / min) is noise: no trend is read from it. */
    static final double NOISE = 1.5;

    /**
     * The sentence for a sweep whose repeats spread too widely to read (a point's slowest repeat
     * more than {@link #NOISE} times its fastest), with how many repeats would settle it; null
     * when the points can be read.
     */
    static String noise(List<SweepPoint> pts) {
        SweepPoint worst = null;
        for (SweepPoint p : pts) {
            if (p.minMs() > 0 && p.maxMs() / p.minMs() > NOISE
                    && (worst == null || p.maxMs() / p.minMs() > worst.maxMs() / worst.minMs())) {
                worst = p;
            }
        }
        if (worst == null) {
            return null;
        }
        double spread = (worst.maxMs() - worst.minMs()) / Math.max(1e-9, worst.medianMs());
        return "Too noisy to read: the repeats at " + worst.label() + " took " + Format.ms(worst.minMs()) + " to "
                + Format.ms(worst.maxMs()) + " ms (the slowest " + Format.ratio(worst.maxMs() / worst.minMs())
                + " times the fastest), so no trend is claimed from these points; the machine was probably busy."
                + " About " + repeatsToSettle(spread, worst.runs()) + " repeats per point (or a quieter machine)"
                + " would settle it.";
    }

    /**
     * Repeats that bring the median's uncertainty to about 5 %: the uncertainty of a median
     * shrinks as 1 / sqrt(repeats), and one repeat's is taken as half the spread seen
     * (spread = (max - min) / median). At least two more than were run, at most 50.
     */
    static int repeatsToSettle(double spread, int runs) {
        int n = (int) Math.ceil(Math.pow(spread / 2 / 0.05, 2));
        return Math.max(runs + 2, Math.min(50, n));
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
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

    /** Karp-Flatt and Amdahl, each figure beside what it means in plain words. */
    private static String karpFlatt(List<SweepPoint> pts, AmdahlFit fit) {
        List<SweepPoint> measured = pts.stream().filter(p -> p.karpFlatt() != null).toList();
        if (measured.size() < 2) {
            return fit == null ? "" : amdahl(fit);
        }
        double lo = measured.stream().mapToDouble(SweepPoint::karpFlatt).min().orElse(0);
        double hi = measured.stream().mapToDouble(SweepPoint::karpFlatt).max().orElse(0);
        double firstE = measured.get(0).karpFlatt();
        double lastE = measured.get(measured.size() - 1).karpFlatt();
        double mean = measured.stream().mapToDouble(SweepPoint::karpFlatt).average().orElse(0);
        if (lastE - firstE > 0.1) {
            return " The part of the run that does not get faster with more workers grows with the pool"
                    + " (the Karp-Flatt serial fraction rises from " + Format.ratio(firstE) + " to " + Format.ratio(lastE)
                    + (lastE > 1 ? "; above 1 the pool is slower than one worker" : "")
                    + "): the cost is not a fixed serial part but one that more workers add.";
        }
        if (mean <= 0.1) {
            return " Almost all of the run gets faster with more workers (the Karp-Flatt serial fraction stays at "
                    + Format.ratio(Math.max(0, lo)) + " to " + Format.ratio(hi) + ", near 0).";
        }
        if (hi - lo <= 0.1) {
            return " About " + Format.percent(mean) + " of the run does not get faster with more workers, whatever the"
                    + " pool (the Karp-Flatt serial fraction stays near " + Format.ratio(mean)
                    + "): a fixed serial part, as Amdahl's law assumes"
                    + (fit == null ? "." : "; " + amdahl(fit).trim());
        }
        return " The part of the run that does not get faster with more workers varies between "
                + Format.percent(Math.max(0, lo)) + " and " + Format.percent(hi) + " (Karp-Flatt serial fraction "
                + Format.ratio(lo) + " to " + Format.ratio(hi) + ").";
    }

    private static String amdahl(AmdahlFit fit) {
        return " Amdahl's law fits the makespans best if " + Format.percent(fit.serialFraction())
                + " of the work cannot be shared out (serial fraction " + Format.ratio(fit.serialFraction())
                + "): then no pool could be more than " + (fit.serialFraction() > 0.001
                ? Format.ratio(1 / fit.serialFraction()) + " times as fast as one worker." : "limited by it.");
    }

    private static String other(SweepSummary s) {
        List<SweepPoint> pts = s.points();
        String noise = noise(pts);
        if (noise != null) {
            return noise;
        }
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

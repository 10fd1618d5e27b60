package dev.poolscope.sweep;

import java.util.Locale;

/** What {@code poolscope sweep} prints: a row per value, then the fit and the verdict. */
public final class SweepReport {
    private SweepReport() {}

    public static String render(SweepSummary s) {
        StringBuilder sb = new StringBuilder();
        SweepPlan plan = s.plan();
        sb.append("Sweep of ").append(plan.scenario()).append(": ").append(plan.setting().id()).append(" = ")
                .append(String.join(", ", plan.values())).append("; ").append(plan.repeats())
                .append(plan.repeats() == 1 ? " run" : " runs").append(" each; ").append(plan.base().tasks().size())
                .append(" tasks; this machine has ").append(s.cpus()).append(" CPUs\n");
        sb.append("Speedup is against ").append(s.baseline()).append(".\n");
        if (!s.scaling()) {
            sb.append("The pool is fixed at ").append(plan.base().pool())
                    .append("; efficiency here is how busy the workers were (task time / (slots x makespan)).\n");
        }
        sb.append('\n');
        String head = String.format(Locale.ROOT, "%-16s %4s %10s %10s %10s %8s %10s %10s %12s%n", plan.setting().id(),
                "runs", "median ms", "min ms", "max ms", "speedup", "efficiency", "Karp-Flatt", "lower bound");
        sb.append(head).append("-".repeat(head.length() - 1)).append('\n');
        for (SweepPoint p : s.points()) {
            sb.append(String.format(Locale.ROOT, "%-16s %4d %10s %10s %10s %8s %10s %10s %12s%n", p.value(), p.runs(),
                    Format.ms(p.medianMs()), Format.ms(p.minMs()), Format.ms(p.maxMs()), Format.ratio(p.speedup()),
                    Format.percent(p.efficiency()), p.karpFlatt() == null ? "-" : Format.ratio(p.karpFlatt()),
                    Format.ms(p.lowerBoundMs())));
        }
        for (String m : s.missing()) {
            sb.append(String.format(Locale.ROOT, "%-16s %4d   (no run finished with every task ok)%n",
                    m.substring(plan.setting().id().length() + 1), 0));
        }
        sb.append('\n');
        if (s.scaling()) {
            sb.append("Lower bound: max(longest task ").append(Format.ms(s.longestTaskMs()))
                    .append(" ms, total task time ").append(Format.ms(s.totalWorkMs())).append(" ms / pool).\n");
        }
        if (s.fit() != null) {
            sb.append("Amdahl fit: T(p) = ").append(Format.ms(s.fit().t1Ms())).append(" ms x (")
                    .append(Format.ratio(s.fit().serialFraction())).append(" + ")
                    .append(Format.ratio(1 - s.fit().serialFraction())).append(" / p), serial fraction ")
                    .append(Format.ratio(s.fit().serialFraction())).append(", rms error ")
                    .append(Format.ms(s.fit().rmsMs())).append(" ms\n");
        }
        sb.append("Verdict: ").append(s.verdict()).append('\n');
        return sb.toString();
    }
}

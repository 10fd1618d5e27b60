package dev.poolscope.sweep;

import dev.poolscope.trace.RunTrace;
import java.util.ArrayList;
import java.util.List;

/**
 * Two or more runs side by side: their statistics as rows of a table, and the differences
 * stated in words, each later run against the first. Shared by the command line and the window
 * (which also shows a single run this way, with no differences to state).
 */
public final class Comparison {
    /** Makespans within 5 % count as "about as fast". */
    static final double SAME = 0.05;

    private final List<String> labels;
    private final List<RunTrace> traces;
    private final List<RunFacts> facts = new ArrayList<>();

    /** A statistics row: its name and one text per run. */
    public record Row(String name, List<String> values) {}

    public Comparison(List<String> labels, List<RunTrace> traces) {
        if (labels.size() != traces.size() || traces.isEmpty()) {
            throw new IllegalArgumentException("a comparison needs runs, each with a label");
        }
        this.labels = List.copyOf(labels);
        this.traces = List.copyOf(traces);
        traces.forEach(t -> facts.add(RunFacts.of(t)));
    }

    public List<String> labels() {
        return labels;
    }

    public List<RunTrace> traces() {
        return traces;
    }

    public List<RunFacts> facts() {
        return List.copyOf(facts);
    }

    /** The end of the shared time scale: the latest task end of any run (ms since its start). */
    public double scaleEndMs() {
        return facts.stream().mapToDouble(RunFacts::lastEndMs).max().orElse(0);
    }

    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(row("makespan (ms)", f -> Format.ms(f.makespanMs())));
        rows.add(row("total task time (ms)", f -> Format.ms(f.totalBusyMs())));
        rows.add(row("mean task time (ms)", f -> Format.ms(f.meanTaskMs())));
        rows.add(row("run", f -> f.stopped() ? "stopped" : "finished"));
        rows.add(row("tasks at once (busy / makespan)", f -> f.stopped() ? "-" : Format.ratio(f.concurrency())));
        rows.add(row("workers busy", f -> f.stopped() ? "-" : Format.percent(f.busyShare())));
        rows.add(row("lower bound (ms)", f -> Format.ms(f.lowerBoundMs())));
        rows.add(row("workers ready by (ms)", f -> Format.ms(f.lastReadyMs())));
        rows.add(row("first tasks spread (ms)", f -> Format.ms(f.firstStartSpread())));
        rows.add(row("chunks", f -> String.valueOf(f.chunks())));
        rows.add(row("tasks ok", f -> f.okTasks() + " of " + f.tasks()));
        rows.add(row("results delivered", f -> f.inputOrder() ? "input order" : "completion order"));
        return rows;
    }

    private Row row(String name, java.util.function.Function<RunFacts, String> value) {
        return new Row(name, facts.stream().map(value).toList());
    }

    /** Sentences saying how each later run differs from the first. */
    public List<String> differences() {
        List<String> out = new ArrayList<>();
        RunFacts a = facts.get(0);
        String first = labels.get(0);
        for (int i = 1; i < facts.size(); i++) {
            RunFacts b = facts.get(i);
            String who = labels.get(i);
            if (a.stopped() || b.stopped()) {
                // A stopped run did not do all its work: its times say nothing about how fast it was.
                out.add((b.stopped() ? who : first) + " was stopped before every task ran (" + (b.stopped() ? b : a).okTasks()
                        + " of " + (b.stopped() ? b : a).tasks() + " tasks ok), so the runs are not compared on speed.");
                continue;
            }
            double ratio = b.makespanMs() > 0 ? a.makespanMs() / b.makespanMs() : 0;
            String verdict = Math.abs(ratio - 1) <= SAME ? "about as fast (within 5 %)"
                    : ratio > 1 ? Format.ratio(ratio) + " times as fast" : Format.ratio(1 / ratio) + " times as slow";
            out.add(who + " ran its tasks in " + Format.ms(b.makespanMs()) + " ms against " + Format.ms(a.makespanMs())
                    + " ms for " + first + ": " + verdict + ".");
            if (a.meanTaskMs() > 0 && Math.abs(b.meanTaskMs() / a.meanTaskMs() - 1) > 0.10) {
                out.add("Each task took " + Format.ms(b.meanTaskMs()) + " ms on average with " + who + " against "
                        + Format.ms(a.meanTaskMs()) + " ms (" + Format.ratio(b.meanTaskMs() / a.meanTaskMs())
                        + " times as long): the same work ran " + (b.meanTaskMs() > a.meanTaskMs() ? "slower" : "faster")
                        + ".");
            }
            if (Math.abs(b.busyShare() - a.busyShare()) > 0.10) {
                out.add("The workers were busy " + Format.percent(b.busyShare()) + " of the makespan with " + who
                        + " against " + Format.percent(a.busyShare()) + ".");
            }
            if (Math.abs(b.firstStartSpread() - a.firstStartSpread()) > 5) {
                out.add("The lanes' first tasks started within " + Format.ms(b.firstStartSpread()) + " ms of each other"
                        + " with " + who + " against " + Format.ms(a.firstStartSpread()) + " ms.");
            }
            if (Math.abs(b.lastReadyMs() - a.lastReadyMs()) > 20) {
                out.add("All workers were ready " + Format.ms(b.lastReadyMs()) + " ms after the start with " + who
                        + " against " + Format.ms(a.lastReadyMs()) + " ms (start-up is not part of the makespan).");
            }
            if (b.chunks() != a.chunks()) {
                out.add(who + " handed out " + b.chunks() + " chunks against " + a.chunks() + ".");
            }
            if (b.inputOrder() != a.inputOrder()) {
                out.add(who + " delivered results in " + (b.inputOrder() ? "input" : "completion") + " order, "
                        + first + " in " + (a.inputOrder() ? "input" : "completion") + " order.");
            }
            if (b.okTasks() != a.okTasks()) {
                out.add(who + " finished " + b.okTasks() + " tasks ok against " + a.okTasks() + ".");
            }
        }
        return out;
    }
}

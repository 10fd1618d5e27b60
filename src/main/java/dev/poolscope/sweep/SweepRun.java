package dev.poolscope.sweep;

import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.trace.RunTrace;
import java.util.List;

/**
 * One finished run of a sweep: an ordinary trace, plus the events it was built from (so the
 * window can draw its timeline exactly as it drew a live run).
 *
 * @param valueIndex position of its value in {@link SweepPlan#values()}
 * @param repeat     0-based repeat number
 * @param wallMs     how long the whole run took, worker start-up included (for the time left)
 */
public record SweepRun(int valueIndex, String value, int repeat, RunConfig config, RunTrace trace,
                       List<RunEvent> events, double wallMs) {

    public SweepRun {
        events = List.copyOf(events);
    }

    /** Every task finished ok and the run was not stopped: only such runs count in the statistics. */
    public boolean complete() {
        return trace.finished() && !trace.stopped() && trace.tasks().stream().allMatch(t -> "ok".equals(t.status()));
    }

    /** Why the run does not count ("task spin3 crashed: ..."), or null when it is complete. */
    public String problem() {
        if (!trace.finished() || trace.stopped()) {
            return "the run was stopped";
        }
        long bad = trace.tasks().stream().filter(t -> !"ok".equals(t.status())).count();
        return trace.tasks().stream().filter(t -> !"ok".equals(t.status())).findFirst()
                .map(t -> bad + (bad == 1 ? " task" : " tasks") + " not ok, first " + t.name() + " " + t.status()
                        + (t.error() == null ? "" : ": " + t.error()))
                .orElse(null);
    }

    public double makespanMs() {
        return trace.makespanMs();
    }
}

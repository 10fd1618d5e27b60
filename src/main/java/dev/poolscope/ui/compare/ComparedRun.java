package dev.poolscope.ui.compare;

import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.trace.RunTrace;
import dev.poolscope.trace.TraceBuilder;
import dev.poolscope.ui.timeline.TimelineModel;
import java.util.List;

/**
 * A finished run as the comparison window shows it: a label, its trace for the statistics, and
 * its events, replayed into a {@link TimelineModel} so its timeline is drawn exactly as it was live.
 */
public record ComparedRun(String label, RunConfig config, RunTrace trace, List<RunEvent> events) {

    public ComparedRun {
        events = List.copyOf(events);
    }

    public static ComparedRun of(String label, String scenario, RunConfig config, List<RunEvent> events) {
        return new ComparedRun(label, config, TraceBuilder.of(scenario, config, events), events);
    }

    /** The run rebuilt from its events, as the live timeline had it when the run ended. */
    public TimelineModel replay() {
        TimelineModel live = new TimelineModel(config.tasks().stream().map(t -> t.name()).toList(), config.slots());
        events.forEach(live::apply);
        return live;
    }

    /** "pool 2 · map · chunksize 1": the settings that tell runs of one scenario apart. */
    public static String describe(RunConfig c) {
        String s = c.mode().usesPool() ? "pool " + c.pool() + " \u00b7 " : "";
        return s + c.mode().id() + " \u00b7 chunksize " + c.effectiveChunksize();
    }
}

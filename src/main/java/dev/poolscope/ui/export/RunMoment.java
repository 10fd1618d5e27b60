package dev.poolscope.ui.export;

import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.TaskSpec;
import dev.poolscope.ui.replay.ReplayRun;
import dev.poolscope.ui.timeline.TimelineModel;
import java.util.List;

/**
 * A run as it stood at one moment, ready to be drawn: its configuration, the events up to
 * {@code nowNs}, and {@code spanNs}, the stretch of time the picture's axis shows (the whole
 * run, so pictures of several moments share one axis). Whatever draws it feeds the events into
 * the window's own models, so a picture shows what the window showed at that moment.
 */
public record RunMoment(String name, RunConfig config, List<RunEvent> events, long nowNs, long spanNs,
                        boolean ofProgram) {
    public RunMoment {
        events = List.copyOf(events);
    }

    /**
     * A moment of a run that is a Python program's when it has a ProgramStarted event. A scenario run
     * on CPython or Dask has one too (its interpreter or driver): give {@code ofProgram} for those.
     */
    public RunMoment(String name, RunConfig config, List<RunEvent> events, long nowNs, long spanNs) {
        this(name, config, events, nowNs, spanNs, events.stream().anyMatch(e -> e instanceof RunEvent.ProgramStarted));
    }

    /** A replayed run at {@code atNs}, on the axis of the whole run. */
    public static RunMoment of(ReplayRun run, long atNs) {
        return new RunMoment(run.name(), run.config(), run.events().subList(0, run.eventsUpTo(atNs)), atNs,
                run.endNs(), run.ofProgram());
    }

    /** The timeline model at this moment. */
    public TimelineModel live() {
        // A Python program's run has its main process on lane 0 (its calls are marks there).
        boolean program = ofProgram;
        TimelineModel live = new TimelineModel(program ? List.of() : config.tasks().stream().map(TaskSpec::name).toList(),
                program ? 0 : config.slots(), program);
        for (RunEvent e : events) {
            live.apply(e);
        }
        return live;
    }
}

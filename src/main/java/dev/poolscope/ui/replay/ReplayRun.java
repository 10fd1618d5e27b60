package dev.poolscope.ui.replay;

import dev.poolscope.engine.InvalidConfigException;
import dev.poolscope.engine.Mode;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.TaskKind;
import dev.poolscope.engine.TaskSpec;
import dev.poolscope.trace.RunTrace;
import dev.poolscope.trace.TaskRecord;
import dev.poolscope.ui.timeline.TimelineModel;
import java.util.ArrayList;
import java.util.List;

/**
 * A saved run ready to be replayed: its trace, its events and the configuration the window's
 * models are built from. Any moment of the run is the window's own {@link TimelineModel} fed
 * the events up to that moment. A version-2 trace keeps the events the live view was fed, and
 * they are played as they were; only a version-1 trace (summary only) has them rebuilt from its
 * records ({@link TraceEvents}). Immutable; plain Java.
 */
public final class ReplayRun {
    private final String name;
    private final RunTrace trace;
    private final RunConfig config;
    private final List<String> taskNames;
    private final List<RunEvent> events;
    private final long[] times;
    private final long endNs;
    private final long[] stepTimes;
    /** A program's run: its main process has a lane above the others, tasks come as found. */
    private final boolean ofProgram;

    private ReplayRun(String name, RunTrace trace, RunConfig config, List<RunEvent> events) {
        this.name = name;
        this.trace = trace;
        this.config = config;
        this.events = events;
        this.ofProgram = trace.recorded() && trace.info() != null && trace.info().ofProgram();
        this.taskNames = trace.tasks().stream().map(TaskRecord::name).toList();
        this.times = new long[events.size()];
        // A moment of the replay is a prefix of the events in the order the live view got them.
        // A program's processes report on clocks read in each process, so an event may be a
        // little earlier than one before it: a moment's time is the latest of the prefix.
        long latest = 0;
        for (int i = 0; i < times.length; i++) {
            latest = Math.max(latest, events.get(i).at());
            times[i] = latest;
        }
        this.endNs = times.length == 0 ? 0 : times[times.length - 1];
        // Steps go from one thing the run did to the next, not through the OS samples (10 a second a worker).
        java.util.stream.IntStream steps = java.util.stream.IntStream.range(0, times.length).filter(i -> !(
                events.get(i) instanceof RunEvent.WorkerSampled || events.get(i) instanceof RunEvent.MachineSampled));
        this.stepTimes = steps.mapToLong(i -> times[i]).distinct().toArray();
    }

    /**
     * A replay of a trace; {@code fallbackName} names it when the trace has no scenario name.
     * @throws IllegalArgumentException with one line when the trace cannot be replayed
     */
    public static ReplayRun of(RunTrace trace, String fallbackName) {
        String name = trace.scenario() == null || trace.scenario().isBlank() ? fallbackName : trace.scenario();
        return new ReplayRun(name, trace, configOf(trace), trace.recorded() ? trace.events() : TraceEvents.of(trace));
    }

    /** The configuration the run had, as far as the models need it (names, kinds, slots, chunks). */
    static RunConfig configOf(RunTrace t) {
        boolean program = t.recorded() && t.info() != null && t.info().ofProgram();
        if (t.tasks().isEmpty() && !program) {
            throw new IllegalArgumentException("tasks: the trace has no tasks to replay");
        }
        List<TaskSpec> specs = new ArrayList<>(t.tasks().size());
        for (TaskRecord r : t.tasks()) {
            TaskKind kind = TaskKind.fromId(r.kind());
            if (kind == null) {
                kind = TaskKind.NOOP;
            }
            specs.add(new TaskSpec(r.name(), kind, 0, kind.needsN() ? 0L : null, kind.needsText() ? "" : null,
                    1, 1, null));
        }
        Mode mode = Mode.fromId(t.mode());
        try {
            RunConfig.Builder b = RunConfig.builder().mode(mode).pool(t.pool())
                    .chunksize(mode == Mode.APPLY_ASYNC || mode == Mode.PROCESS ? null : t.chunksize())
                    .maxTasksPerChild(t.maxTasksPerChild()).tasks(specs);
            // A program's run is one PoolScope watched: its tasks are what the program made.
            return program ? b.buildObserved() : b.build();
        } catch (InvalidConfigException e) {
            throw new IllegalArgumentException(e.problems().get(0));
        }
    }

    public String name() {
        return name;
    }

    /** Whether this is a Python program's run (its main process on a lane above the others), not a scenario's. */
    public boolean ofProgram() {
        return ofProgram;
    }

    public RunTrace trace() {
        return trace;
    }

    public RunConfig config() {
        return config;
    }

    public List<RunEvent> events() {
        return events;
    }

    /** When the last event happened: the end of the replay, in ns since the run started. */
    public long endNs() {
        return endNs;
    }

    /** How many events had happened by {@code ns} (their times are at most {@code ns}). */
    public int eventsUpTo(long ns) {
        return firstAfter(times, ns);
    }

    /** The time of the first event after {@code ns} (OS samples aside), or the end. */
    public long nextEventAfter(long ns) {
        int i = firstAfter(stepTimes, ns);
        return i < stepTimes.length ? stepTimes[i] : endNs;
    }

    /** The time of the last event before {@code ns} (OS samples aside), or 0. */
    public long previousEventBefore(long ns) {
        int i = firstAfter(stepTimes, ns - 1);
        return i > 0 ? stepTimes[i - 1] : 0;
    }

    /** Index of the first time after {@code ns} in a sorted array. */
    private static int firstAfter(long[] sorted, long ns) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= ns) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** A fresh timeline model with no events applied. */
    public TimelineModel newLive() {
        // As the window made it live: a program's tasks and lanes arrive with its events.
        return ofProgram ? new TimelineModel(List.of(), 0, true) : new TimelineModel(taskNames, config.slots());
    }

    /** The timeline model as it stood at {@code ns}: the window's TimelineModel fed the events up to then. */
    public TimelineModel liveAt(long ns) {
        TimelineModel live = newLive();
        int n = eventsUpTo(ns);
        for (int i = 0; i < n; i++) {
            live.apply(events.get(i));
        }
        return live;
    }
}

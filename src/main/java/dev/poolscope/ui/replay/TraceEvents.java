package dev.poolscope.ui.replay;

import dev.poolscope.engine.ExitKind;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.TaskStatus;
import dev.poolscope.engine.WorkerState;
import dev.poolscope.trace.OsSample;
import dev.poolscope.trace.OutputRecord;
import dev.poolscope.trace.RunTrace;
import dev.poolscope.trace.TaskRecord;
import dev.poolscope.trace.WorkerRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The engine's events of a run, rebuilt from a trace that keeps none: a version-1 file, or a
 * trace imported from another tool. (A version-2 trace keeps the events the live view was fed,
 * and {@link ReplayRun} plays those; nothing is rebuilt.) The window's own models (timeline,
 * panels, statistics) are then fed as the live run fed them, as far as a summary can tell. Plain Java.
 *
 * <p>What a trace does not keep is derived the way the engine decides it: a worker is busy from
 * a chunk's first task to its last and idle between chunks; a result reaches the caller, in the
 * saved delivery order, when it and every result before it are done (all at the end in map
 * mode, as {@code Pool.map} does). Events at the same instant keep the engine's order (a task's
 * end before its delivery, a worker's exit before its new state).
 */
public final class TraceEvents {
    private static final int SPAWN = 0;
    private static final int SAMPLE = 1;
    private static final int INIT = 2;
    private static final int READY = 3;
    private static final int FINISH = 4;
    private static final int DELIVER = 5;
    private static final int IDLE = 6;
    private static final int START = 8;
    private static final int OUTPUT = 9;
    private static final int EXIT = 10;
    private static final int END = 12;

    private record Timed(long at, int rank, int seq, RunEvent event) {}

    private final List<Timed> list = new ArrayList<>();

    private TraceEvents() {}

    /** Nanoseconds from a trace time in ms (traces keep 0.001 ms, so this is exact). */
    public static long ns(double ms) {
        return Math.round(ms * 1_000_000.0);
    }

    /** The run's events in time order. */
    public static List<RunEvent> of(RunTrace trace) {
        TraceEvents b = new TraceEvents();
        long lastTaskNs = 0;
        for (TaskRecord t : trace.tasks()) {
            lastTaskNs = Math.max(lastTaskNs, Math.max(t.startMs() == null ? 0 : ns(t.startMs()),
                    t.endMs() == null ? 0 : ns(t.endMs())));
        }
        for (WorkerRecord w : trace.workers()) {
            b.worker(w);
        }
        if (trace.stats() != null && trace.stats().machineCpus() > 0) {
            // The trace keeps the machine's last sample only: it stands for the run from the start.
            b.add(0, SPAWN, new RunEvent.MachineSampled(0, trace.stats().machineCpus(), trace.stats().machineLoad1()));
        }
        b.tasks(trace, lastTaskNs);
        for (OutputRecord o : trace.output()) {
            b.add(ns(o.atMs()), OUTPUT, new RunEvent.OutputLine(ns(o.atMs()), o.index(), o.slot(), o.pid(), o.text()));
        }
        b.deliveries(trace, lastTaskNs);
        long end = 0;
        for (Timed t : b.list) {
            end = Math.max(end, t.at);
        }
        for (WorkerRecord w : trace.workers()) {
            // The OS view: after the process's spawn; one taken after the run's last event is left out.
            for (OsSample s : w.samples()) {
                if (ns(s.atMs()) <= end) {
                    b.add(ns(s.atMs()), SAMPLE, s.toEvent(w.slot(), w.pid()));
                }
            }
        }
        if (trace.finished()) {
            b.add(end, END, new RunEvent.RunFinished(end, trace.stopped()));
        }
        b.list.sort(Comparator.comparingLong(Timed::at).thenComparingInt(Timed::rank).thenComparingInt(Timed::seq));
        return b.list.stream().map(Timed::event).toList();
    }

    private void add(long at, int rank, RunEvent e) {
        list.add(new Timed(at, rank, list.size(), e));
    }

    private void worker(WorkerRecord w) {
        long spawn = ns(w.spawnMs());
        // An imported lane has no PID it could call one (-1), but it is a lane all the same.
        boolean lane = w.pid() >= 0 || w.lane().kind() != dev.poolscope.engine.Lane.Kind.PROCESS;
        if (lane) {
            add(spawn, SPAWN, new RunEvent.WorkerSpawned(spawn, w.slot(), w.pid(), w.generation(), w.lane()));
            add(spawn, SPAWN, new RunEvent.WorkerStateChanged(spawn, w.slot(), w.pid(), WorkerState.STARTING));
        }
        if (w.initEndMs() != null) {
            long end = ns(w.initEndMs());
            long start = w.initStartMs() == null ? end : ns(w.initStartMs());
            add(end, INIT, new RunEvent.InitializerRan(end, w.slot(), w.pid(), start, w.initError()));
        }
        if (w.readyMs() != null) {
            long ready = ns(w.readyMs());
            add(ready, READY, new RunEvent.WorkerStateChanged(ready, w.slot(), w.pid(), WorkerState.IDLE));
        }
        if (w.exitMs() != null && w.exit() != null) {
            long exit = ns(w.exitMs());
            ExitKind kind = ExitKind.valueOf(w.exit().toUpperCase(Locale.ROOT));
            add(exit, EXIT, new RunEvent.WorkerExited(exit, w.slot(), w.pid(), kind, w.exitCode(), w.signal(),
                    w.detail()));
            if (lane) {
                add(exit, EXIT, new RunEvent.WorkerStateChanged(exit, w.slot(), w.pid(),
                        kind == ExitKind.CRASHED ? WorkerState.CRASHED : WorkerState.EXITED));
            }
        }
    }

    /**
     * Task starts and ends, with the worker busy from a chunk's first task and idle after its
     * last (unless every task was done by then: the engine then lets the workers quit instead).
     */
    private void tasks(RunTrace trace, long lastTaskNs) {
        // By process: a lane's processes in turn; lanes of other tools' traces, with no PIDs (-1), by lane.
        Map<Long, List<TaskRecord>> byPid = new HashMap<>();
        for (TaskRecord t : trace.tasks()) {
            if (t.startMs() != null) {
                byPid.computeIfAbsent(t.pid() >= 0 ? t.pid() : -1L - t.slot(), p -> new ArrayList<>()).add(t);
            } else if (t.status() != null) {
                // Cancelled before it started: it ends with the run.
                add(lastTaskNs, FINISH, finished(t, lastTaskNs));
            }
        }
        for (List<TaskRecord> tasks : byPid.values()) {
            tasks.sort(Comparator.comparingDouble(TaskRecord::startMs).thenComparingInt(TaskRecord::index));
            for (int i = 0; i < tasks.size(); i++) {
                TaskRecord t = tasks.get(i);
                long start = ns(t.startMs());
                boolean firstOfChunk = i == 0 || tasks.get(i - 1).chunk() != t.chunk();
                if (firstOfChunk) {
                    add(start, START, new RunEvent.WorkerStateChanged(start, t.slot(), t.pid(), WorkerState.BUSY));
                }
                add(start, START, new RunEvent.TaskStarted(start, t.index(), t.slot(), t.pid(), t.chunk()));
                if (t.status() == null) {
                    continue;
                }
                long end = t.endMs() == null ? lastTaskNs : ns(t.endMs());
                add(end, FINISH, finished(t, end));
                boolean lastOfChunk = i == tasks.size() - 1 || tasks.get(i + 1).chunk() != t.chunk();
                if (lastOfChunk && end < lastTaskNs && ("ok".equals(t.status()) || "failed".equals(t.status()))) {
                    add(end, IDLE, new RunEvent.WorkerStateChanged(end, t.slot(), t.pid(), WorkerState.IDLE));
                }
            }
        }
    }

    private static RunEvent.TaskFinished finished(TaskRecord t, long at) {
        return new RunEvent.TaskFinished(at, t.index(), t.startMs() == null ? -1 : t.slot(),
                t.startMs() == null ? -1 : t.pid(), status(t), t.result(), t.error());
    }

    private void deliveries(RunTrace trace, long lastTaskNs) {
        List<TaskRecord> tasks = trace.tasks();
        long allDone = 0;
        for (int index : trace.deliveryOrder()) {
            allDone = Math.max(allDone, endOf(tasks.get(index), lastTaskNs));
        }
        long upTo = 0;
        for (int index : trace.deliveryOrder()) {
            TaskRecord t = tasks.get(index);
            upTo = Math.max(upTo, endOf(t, lastTaskNs));
            long at = "map".equals(trace.mode()) ? allDone : upTo;
            if (t.status() != null) {
                add(at, DELIVER, new RunEvent.ResultDelivered(at, index, status(t), t.result(), t.error()));
            }
        }
    }

    private static long endOf(TaskRecord t, long lastTaskNs) {
        return t.endMs() == null ? lastTaskNs : ns(t.endMs());
    }

    private static TaskStatus status(TaskRecord t) {
        return TaskStatus.valueOf(t.status().toUpperCase(Locale.ROOT));
    }
}

package dev.poolscope.trace;

import dev.poolscope.engine.Lane;
import dev.poolscope.engine.Limits;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.RunInfo;
import dev.poolscope.engine.TaskSpec;
import dev.poolscope.engine.WorkerState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a run's events into a {@link RunTrace}, one event at a time. Not thread-safe: feed it
 * and take snapshots from one thread (the UI's frame loop, or the CLI after a run).
 *
 * <p>Each task and worker keeps a cached immutable record that an event clears; a snapshot
 * rebuilds only cleared ones, so taking one 4 times a second costs a few array copies and one
 * pass for the statistics even with 10,000 tasks. Events for unknown tasks are ignored, and a
 * worker never seen spawning gets a record on its first event, so odd event lists still work.
 */
public final class TraceBuilder {
    /** Output lines kept per task in {@link TaskRecord#output()}; the rest only set outputTruncated. */
    public static final int MAX_TASK_OUTPUT_LINES = 200;
    /** Lines kept in {@link RunTrace#output()}: the engine's own per-run limit. */
    public static final int MAX_OUTPUT_LINES = Limits.MAX_RUN_OUTPUT_LINES;

    private final String scenario;
    private final RunConfig config;
    private final List<TaskSpec> specs;
    private TaskState[] tasks;
    private TaskRecord[] taskRecords;
    /** Tasks known: the configuration's, then any a run adds as it finds them (the CPython engine). */
    private int count;
    /** Names and kinds given by {@link RunEvent.TaskAdded}, by index; null until the first one. */
    private String[] addedNames;
    private String[] addedKinds;
    /** Slots seen in WorkerSpawned events: a program's run finds its lanes as it goes. */
    private int slotsSeen;
    private final List<WorkerTrack> workers = new ArrayList<>();
    private final List<WorkerRecord> workerRecords = new ArrayList<>();
    /** Worker records by lane and PID ({@link #laneKey}): the threads of one process share its PID. */
    private final Map<Long, Integer> workerByPid = new HashMap<>();
    private final int[] generationsSeen;
    private final List<Integer> delivery = new ArrayList<>();
    private final PrintedLines printed = new PrintedLines();
    private boolean stopped;
    private boolean finished;
    private int machineCpus;
    private double machineLoad1 = -1;
    private long lastAt;
    /** Every event accepted, in order, when this builder records them (a finished snapshot keeps them). */
    private List<RunEvent> recorded;
    private List<RunEvent> recordedCopy;

    /** What is known of a task so far; its record is rebuilt from this when it changes. */
    private static final class TaskState {
        int chunk;
        int slot = -1;
        long pid = -1;
        Double startMs;
        Double endMs;
        String status;
        String result;
        String error;
    }

    public TraceBuilder(String scenarioName, RunConfig config) {
        this.scenario = scenarioName;
        this.config = config;
        this.specs = config.tasks();
        this.tasks = new TaskState[specs.size()];
        this.taskRecords = new TaskRecord[specs.size()];
        this.count = specs.size();
        int chunksize = config.effectiveChunksize();
        for (int i = 0; i < tasks.length; i++) {
            tasks[i] = new TaskState();
            // The engine numbers chunks in input order, so a pending task's chunk is known already.
            tasks[i].chunk = i / chunksize;
        }
        this.generationsSeen = new int[config.slots()];
    }

    /**
     * Keeps every event from now on, so the trace of the finished run carries them: the recorded
     * events that a version-2 trace file saves and a replay plays. Returns this builder.
     */
    public TraceBuilder recording() {
        if (recorded == null) {
            recorded = new ArrayList<>();
        }
        return this;
    }

    /** Records one event. O(1) amortised. */
    public void accept(RunEvent e) {
        if (recorded != null) {
            recorded.add(e);
            recordedCopy = null;
        }
        lastAt = Math.max(lastAt, e.at());
        double at = Ms.of(e.at());
        if (e instanceof RunEvent.TaskAdded a) {
            added(a);
        } else if (e instanceof RunEvent.WorkerSpawned s) {
            slotsSeen = Math.max(slotsSeen, s.slot() + 1);
            spawned(s.slot(), s.pid(), s.generation(), at, s.lane());
        } else if (e instanceof RunEvent.WorkerStateChanged s) {
            if (s.state() == WorkerState.IDLE) {
                WorkerTrack w = worker(s.slot(), s.pid(), at);
                if (w.readyMs == null) {
                    w.readyMs = at;
                    touch(w);
                }
            }
        } else if (e instanceof RunEvent.InitializerRan r) {
            WorkerTrack w = worker(r.slot(), r.pid(), at);
            w.initializer(Ms.of(r.startAt()), at, r.error());
            touch(w);
        } else if (e instanceof RunEvent.WorkerExited x) {
            // pid -1: the process could not be started at all; it still gets a record to show why.
            WorkerTrack w = x.pid() < 0 ? spawned(x.slot(), -1, nextGeneration(x.slot()), at, laneOf(x.slot()))
                    : worker(x.slot(), x.pid(), at);
            w.exited(at, x.kind().id(), x.exitCode(), x.signal(), x.detail());
            touch(w);
        } else if (e instanceof RunEvent.TaskStarted s) {
            TaskState t = task(s.index());
            if (t != null) {
                t.startMs = at;
                t.slot = s.slot();
                t.pid = s.pid();
                t.chunk = s.chunk() >= 0 ? s.chunk() : t.chunk;
            }
        } else if (e instanceof RunEvent.TaskFinished f) {
            finishedTask(f, at);
        } else if (e instanceof RunEvent.OutputLine o) {
            outputLine(o, at);
        } else if (e instanceof RunEvent.OutputTruncated o) {
            if (task(o.index()) != null) {
                printed.truncate(o.index());
            }
        } else if (e instanceof RunEvent.ResultDelivered d) {
            if (d.index() >= 0 && d.index() < count) {
                delivery.add(d.index());
            }
        } else if (e instanceof RunEvent.RunFinished f) {
            finished = true;
            stopped = f.stopped();
        } else if (e instanceof RunEvent.WorkerSampled s) {
            sampled(s);
        } else if (e instanceof RunEvent.MachineSampled m) {
            machineCpus = m.cpus();
            machineLoad1 = m.load1();
        }
    }

    /** An OS sample joins its process's record; a sample of a process never seen spawning is dropped. */
    private void sampled(RunEvent.WorkerSampled s) {
        Integer i = workerByPid.get(laneKey(s.slot(), s.pid()));
        if (i == null) {
            return;
        }
        WorkerTrack w = workers.get(i);
        w.samples.add(new OsSample(Ms.round3(Ms.of(s.at())), s.cpuPct(), s.state(), s.rssKb(), Ms.round3(s.cpuMs())));
        touch(w);
    }

    /**
     * The trace so far. Running tasks keep endMs and status null; the statistics measure them
     * up to {@code nowNanos} (nanoseconds since the run started, as in {@link RunEvent#at()}).
     * Once the run has finished nothing runs any more, so "now" is the last event and any
     * {@code nowNanos} (even Long.MAX_VALUE) gives the same trace.
     */
    public RunTrace snapshot(long nowNanos) {
        long now = finished ? lastAt : nowNanos;
        for (int i = 0; i < count; i++) {
            if (taskRecords[i] == null) {
                taskRecords[i] = record(i);
            }
        }
        for (int i = 0; i < workers.size(); i++) {
            if (workerRecords.get(i) == null) {
                workerRecords.set(i, workers.get(i).record());
            }
        }
        List<TaskRecord> taskList = List.of(count == taskRecords.length ? taskRecords : Arrays.copyOf(taskRecords, count));
        List<WorkerRecord> workerList = List.copyOf(workerRecords);
        Stats stats = StatsCalculator.of(taskList, Math.max(config.slots(), slotsSeen), Ms.of(now));
        stats = CpuStats.with(stats, taskList, workerList, machineCpus, machineLoad1);
        // Only a finished run's trace carries the recorded events: copying them 4 times a second
        // while a run goes would cost more than everything else here.
        if (finished && recorded != null && recordedCopy == null) {
            recordedCopy = List.copyOf(recorded);
        }
        return new RunTrace(scenario, config.mode().id(), config.pool(), config.effectiveChunksize(),
                config.maxTasksPerChild(), stopped, finished, stats.makespanMs(), workerList,
                taskList, List.copyOf(delivery), List.copyOf(printed.run()), stats, null,
                finished && recordedCopy != null ? recordedCopy : List.of());
    }

    /** The trace of a finished run from its events, which it keeps (for the CLI, tests and saved event lists). */
    public static RunTrace of(String scenarioName, RunConfig config, List<RunEvent> events) {
        TraceBuilder b = new TraceBuilder(scenarioName, config).recording();
        events.forEach(b::accept);
        return b.snapshot(b.lastAt);
    }

    /**
     * The trace of a finished run that says what it was ({@code info}), from the run's own events
     * and {@code besides} (the OS sampler's), merged by time as the live view is fed them: each
     * of {@code besides} goes before the first run event later than it and every event before
     * (a Python program's processes may report slightly out of order, so "later" is later than
     * all so far).
     */
    public static RunTrace of(String scenarioName, RunInfo info, RunConfig config, List<RunEvent> events,
                              List<RunEvent> besides) {
        List<RunEvent> merged = new ArrayList<>(events.size() + besides.size());
        List<RunEvent> extra = besides.stream().sorted(java.util.Comparator.comparingLong(RunEvent::at)).toList();
        int next = 0;
        long latest = Long.MIN_VALUE;
        for (RunEvent e : events) {
            latest = Math.max(latest, e.at());
            while (next < extra.size() && extra.get(next).at() < latest) {
                merged.add(extra.get(next++));
            }
            merged.add(e);
        }
        merged.addAll(extra.subList(next, extra.size()));
        return of(scenarioName, config, merged).withInfo(info);
    }

    private void finishedTask(RunEvent.TaskFinished f, double at) {
        TaskState t = task(f.index());
        if (t == null) {
            return;
        }
        if (f.slot() >= 0) {
            t.slot = f.slot();
            t.pid = f.pid();
        }
        // A task cancelled before it started has no span: endMs stays null with its start. A Python
        // program's processes stamp their own events, so an end told by another (a lost task's, from
        // its parent) may read a little before the start: the bar then ends where it starts.
        t.endMs = t.startMs != null ? Math.max(at, t.startMs) : null;
        t.status = f.status().id();
        t.result = f.result();
        t.error = f.error();
    }

    private void outputLine(RunEvent.OutputLine o, double at) {
        if (o.index() < -1 || o.index() >= count) {
            return; // not a task of this run: keeping it would make a trace TraceJson refuses to read
        }
        task(o.index()); // its record changes
        printed.line(o, at);
    }

    /** The task's state, cleared from the record cache because the caller is about to change it. */
    private TaskState task(int index) {
        if (index < 0 || index >= count) {
            return null;
        }
        taskRecords[index] = null;
        return tasks[index];
    }

    private TaskRecord record(int i) {
        TaskState t = tasks[i];
        boolean added = addedNames != null && i < addedNames.length && addedNames[i] != null;
        String name = added ? addedNames[i] : specs.get(i).name();
        String kind = added ? addedKinds[i] : specs.get(i).kind().id();
        return new TaskRecord(i, name, kind, t.chunk, t.slot, t.pid, t.startMs, t.endMs,
                t.status, t.result, t.error, printed.of(i), printed.truncated(i));
    }

    /** A task the run found while running (a Python program's): room for it, and its name and kind. */
    private void added(RunEvent.TaskAdded a) {
        int i = a.index();
        if (i < 0 || i > Limits.MAX_TASKS) {
            return;
        }
        if (i >= tasks.length) {
            int n = Math.max(i + 1, tasks.length * 2);
            tasks = Arrays.copyOf(tasks, n);
            taskRecords = Arrays.copyOf(taskRecords, n);
        }
        for (int j = count; j <= i; j++) {
            tasks[j] = new TaskState();
            tasks[j].chunk = j;
            taskRecords[j] = null;
        }
        count = Math.max(count, i + 1);
        if (addedNames == null || i >= addedNames.length) {
            int n = Math.max(i + 1, tasks.length);
            addedNames = addedNames == null ? new String[n] : Arrays.copyOf(addedNames, n);
            addedKinds = addedKinds == null ? new String[n] : Arrays.copyOf(addedKinds, n);
        }
        addedNames[i] = a.name();
        addedKinds[i] = a.kind();
        taskRecords[i] = null;
    }

    private WorkerTrack spawned(int slot, long pid, int generation, double at, Lane lane) {
        WorkerTrack w = new WorkerTrack(slot, pid, generation, at, lane);
        workers.add(w);
        workerRecords.add(null);
        if (pid >= 0 || slot >= 0) {
            workerByPid.put(laneKey(slot, pid), workers.size() - 1);
        }
        if (slot >= 0 && slot < generationsSeen.length) {
            generationsSeen[slot] = Math.max(generationsSeen[slot], generation + 1);
        }
        w.position = workers.size() - 1;
        return w;
    }

    private WorkerTrack worker(int slot, long pid, double at) {
        Integer i = workerByPid.get(laneKey(slot, pid));
        return i != null ? workers.get(i) : spawned(slot, pid, nextGeneration(slot), at, laneOf(slot));
    }

    /** One key per (slot, PID): a PID is one process's, but each of its thread lanes has a slot of its own. */
    private static long laneKey(int slot, long pid) {
        return ((long) slot << 32) ^ pid;
    }

    /** What a slot's lane is, from its latest process; a process lane when none was seen. */
    private Lane laneOf(int slot) {
        for (int i = workers.size() - 1; i >= 0; i--) {
            if (workers.get(i).slot == slot) {
                return workers.get(i).lane;
            }
        }
        return Lane.PROCESS;
    }

    private int nextGeneration(int slot) {
        return slot >= 0 && slot < generationsSeen.length ? generationsSeen[slot] : 0;
    }

    private void touch(WorkerTrack w) {
        workerRecords.set(w.position, null);
    }
}

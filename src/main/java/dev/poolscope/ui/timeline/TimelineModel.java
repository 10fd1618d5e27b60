package dev.poolscope.ui.timeline;

import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.TaskStatus;
import dev.poolscope.engine.WorkerState;
import dev.poolscope.os.OsState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the timeline knows of one run, built from the engine's events. Plain Java, touched only
 * on the FX thread (the frame timer applies events to it), so it needs no locking. Tasks live
 * in parallel arrays so 10,000 of them cost no allocation per frame.
 */
public final class TimelineModel {
    /**
     * A mark inside a lane: a PID hand-over, a crash, an initializer span, or (CALL, on a Python
     * program's main lane) a call the program made on a child: start(), join(), is_alive().
     */
    public record Mark(Kind kind, long at, long endAt, long oldPid, long newPid, String text) {
        /** EXIT is never kept in a lane's marks: it is a process's exit label, laid out with the lane's other labels. */
        public enum Kind { HANDOVER, CRASH, TIMEOUT_KILL, INIT, INIT_FAILED, CALL, OUTPUT, EXIT }
    }

    /**
     * A process's life in its lane: started at {@code startAt} (the parent's start()), exited at
     * {@code exitAt} (-1 while it lives) with {@code exitCode} or {@code signal} (null when unknown).
     */
    public static final class Life {
        final long pid;
        final long startAt;
        long exitAt = -1;
        Integer exitCode;
        Integer signal;
        /** Who ended it, when it was ended on purpose ("terminated by its Pool's terminate()"); else null. */
        String endedBy;

        Life(long pid, long startAt) {
            this.pid = pid;
            this.startAt = startAt;
        }

        public long pid() {
            return pid;
        }

        public long startAt() {
            return startAt;
        }

        public long exitAt() {
            return exitAt;
        }

        public Integer exitCode() {
            return exitCode;
        }

        public Integer signal() {
            return signal;
        }
    }

    /** One lane (worker slot): its current process and what happened in it. */
    public static final class Lane {
        long pid = -1;
        WorkerState state = WorkerState.STARTING;
        /** The main program's end when it did not end well ("exit 1", "signal 9"): its badge says that. */
        String failedEnd;
        int generation;
        IntList tasks = new IntList();
        final List<Mark> marks = new ArrayList<>();
        /** Earliest time whose picture changed since the last draw (Long.MAX_VALUE: none). */
        long dirtyFrom = Long.MAX_VALUE;
        /** Earliest time from which only the CPU strip changed (a new OS sample), Long.MAX_VALUE: none. */
        long stripDirtyFrom = Long.MAX_VALUE;
        boolean headerDirty = true;
        /** Only the OS text at the header's right end changed ("R 50%"). */
        boolean osHeaderDirty;
        /** The task running in this lane, or -1. */
        int running = -1;
        /** The PID the engine killed because its task ran past the time limit, or -1. */
        long timeoutKilledPid = -1;
        /** What the operating system saw of this lane's processes (dev.poolscope.os.OsSampler). */
        final OsTrack os;
        private String headerText;
        private long headerPid = Long.MIN_VALUE;
        /** The lane's own name ("main" for a Python program's main process), or null for "W<slot>". */
        String name;
        /** The engine's slot number shown as "W<slot>" (the lane's index, less a main lane above it). */
        int shownSlot = -1;
        /** Each process's life in this lane, in order: from its start to its exit (see {@link Life}). */
        final List<Life> lives = new ArrayList<>();
        /** What the lane is (a process, a thread, another engine's worker), from its WorkerSpawned. */
        dev.poolscope.engine.Lane what = dev.poolscope.engine.Lane.PROCESS;

        Lane(int index) {
            os = new OsTrack(index);
        }

        /** "W3  PID 1234", cached until the PID changes (no allocation per frame). */
        String headerText(int index) {
            if (headerPid != pid || headerText == null) {
                headerPid = pid;
                String lane = what.kind() == dev.poolscope.engine.Lane.Kind.THREAD
                        ? "TID " + what.tid() // the thread's name is drawn beside its badge
                        : name != null ? name : "W" + (shownSlot >= 0 ? shownSlot : index);
                headerText = lane + "  PID " + (pid < 0 ? "\u2014" : String.valueOf(pid));
            }
            return headerText;
        }

        /** Printed lines seen on this lane (ticks are drawn for the first {@link #MAX_PRINTED_TICKS}). */
        private int printedTicks;

        private void touch(long from) {
            dirtyFrom = Math.min(dirtyFrom, from);
        }

        public long pid() {
            return pid;
        }

        public WorkerState state() {
            return state;
        }

        public int generation() {
            return generation;
        }

        /** Task indexes in the order they started on this lane. */
        public int[] taskIndexes() {
            return tasks.toArray();
        }

        public List<Mark> marks() {
            return marks;
        }

        public List<Life> lives() {
            return lives;
        }

        public OsTrack os() {
            return os;
        }

        /** "main" for a Python program's main lane, else null. */
        public String name() {
            return name;
        }

        /** What the lane is: a process, a thread of one, another engine's worker, an imported lane. */
        public dev.poolscope.engine.Lane what() {
            return what;
        }

        /** "exit 1" or "signal 9" for a main program that did not end well, else null. */
        public String failedEnd() {
            return failedEnd;
        }

        /** Whether the lane's current process was killed by the time limit (not a crash). */
        public boolean killedByTimeLimit() {
            return pid >= 0 && pid == timeoutKilledPid;
        }
    }

    /** A program printing thousands of lines gets ticks for its first lines only (the console has them all). */
    static final int MAX_PRINTED_TICKS = 300;
    private String[] names;
    private long[] start;
    private long[] end;
    private int[] slot;
    private long[] pid;
    private int[] chunk;
    private TaskStatus[] status;
    private String[] result;
    /** The bar's label: the name, or "✖ name crashed" etc. once it ended badly. */
    private String[] label;
    private Lane[] lanes;
    private int taskCount;
    /** 1 when lane 0 is a Python program's main process and the engine's slot s is lane s + 1, else 0. */
    private final int laneOffset;
    private int startedCount;
    private int finishedCount;
    private long finishedAt = -1;
    private boolean stopped;

    public TimelineModel(List<String> taskNames, int slots) {
        this(taskNames, slots, false);
    }

    /**
     * {@code mainLane}: a Python program's run (the CPython engine): lane 0 shows its main
     * process (its PID, and marks for its start(), join() and is_alive() calls), the engine's
     * slot s is lane s + 1, and tasks and lanes are added as the program makes them.
     */
    public TimelineModel(List<String> taskNames, int slots, boolean mainLane) {
        laneOffset = mainLane ? 1 : 0;
        int n = taskNames.size();
        taskCount = n;
        names = taskNames.toArray(new String[0]);
        start = new long[n];
        end = new long[n];
        slot = new int[n];
        pid = new long[n];
        chunk = new int[n];
        status = new TaskStatus[n];
        result = new String[n];
        label = names.clone();
        Arrays.fill(start, -1);
        Arrays.fill(end, -1);
        Arrays.fill(slot, -1);
        lanes = new Lane[slots + laneOffset];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = new Lane(i);
            lanes[i].shownSlot = i - laneOffset;
        }
        if (mainLane) {
            lanes[0].name = "main";
            lanes[0].state = WorkerState.BUSY;
        }
    }

    /** 1 when lane 0 is a Python program's main process (lane i shows the engine's slot i - 1), else 0. */
    public int laneOffset() {
        return laneOffset;
    }

    /** The lane of an engine slot (slot -1: the main lane, if any); grows the lanes as a program starts processes. */
    private Lane laneAt(int engineSlot) {
        int i = engineSlot + laneOffset;
        if (i < 0) {
            return null;
        }
        if (i >= lanes.length) {
            int old = lanes.length;
            lanes = Arrays.copyOf(lanes, i + 1);
            for (int j = old; j < lanes.length; j++) {
                lanes[j] = new Lane(j);
                lanes[j].shownSlot = j - laneOffset;
            }
        }
        return lanes[i];
    }

    /** Makes room for task {@code index} (a program's tasks are added as they are found). */
    private void ensureTask(int index) {
        if (index < names.length) {
            taskCount = Math.max(taskCount, index + 1);
            return;
        }
        int old = names.length;
        int n = Math.max(index + 1, old * 2);
        names = Arrays.copyOf(names, n);
        label = Arrays.copyOf(label, n);
        start = Arrays.copyOf(start, n);
        end = Arrays.copyOf(end, n);
        slot = Arrays.copyOf(slot, n);
        pid = Arrays.copyOf(pid, n);
        chunk = Arrays.copyOf(chunk, n);
        status = Arrays.copyOf(status, n);
        result = Arrays.copyOf(result, n);
        Arrays.fill(start, old, n, -1);
        Arrays.fill(end, old, n, -1);
        Arrays.fill(slot, old, n, -1);
        taskCount = index + 1;
    }

    /** Events of the CPython engine: new tasks, and the main process with its calls. */
    private boolean applyProgram(RunEvent e) {
        if (e instanceof RunEvent.TaskAdded a) {
            ensureTask(a.index());
            names[a.index()] = a.name();
            label[a.index()] = a.name();
            return true;
        }
        if (laneOffset == 0) {
            return false;
        }
        Lane main = lanes[0];
        if (e instanceof RunEvent.ProgramStarted p) {
            main.pid = p.pid();
            main.headerDirty = true;
            main.touch(p.at());
        } else if (e instanceof RunEvent.ProgramExited x) {
            main.state = x.exitCode() != null && x.exitCode() == 0 ? WorkerState.EXITED : WorkerState.CRASHED;
            // A program that raised exits 1: it failed, it did not crash; the badge says what it did.
            main.failedEnd = x.signal() != null ? "signal " + x.signal()
                    : x.exitCode() != null && x.exitCode() != 0 ? "exit " + x.exitCode() : null;
            main.headerDirty = true;
            main.touch(x.at());
        } else if (e instanceof RunEvent.ProcessMark m && laneAt(m.slot()) != null) {
            Lane lane = laneAt(m.slot());
            lane.marks.add(new Mark(Mark.Kind.CALL, m.at(), m.at(), m.pid(), m.childPid(), m.text()));
            lane.touch(0); // the labels before it may regroup (see CallLabels)
        } else if (e instanceof RunEvent.OutputLine o && laneAt(o.slot()) != null) {
            // A printed line, as a tick on the lane of the process that wrote it (the first lines of each).
            Lane lane = laneAt(o.slot());
            if (lane.printedTicks++ < MAX_PRINTED_TICKS) {
                lane.marks.add(new Mark(Mark.Kind.OUTPUT, o.at(), o.at(), o.pid(), -1, o.text()));
                lane.touch(0);
            }
        } else {
            return false;
        }
        return true;
    }

    /** Applies one event; returns true when it changes the picture. */
    public boolean apply(RunEvent e) {
        if (e instanceof RunEvent.TaskAdded || e instanceof RunEvent.ProgramStarted || e instanceof RunEvent.ProgramExited
                || e instanceof RunEvent.ProcessMark || (laneOffset == 1 && e instanceof RunEvent.OutputLine)) {
            return applyProgram(e);
        }
        if (e instanceof RunEvent.TaskStarted s) {
            ensureTask(s.index());
            if (start[s.index()] < 0) {
                startedCount++;
            }
            start[s.index()] = s.at();
            slot[s.index()] = s.slot();
            pid[s.index()] = s.pid();
            chunk[s.index()] = s.chunk();
            Lane lane = laneAt(s.slot());
            lane.tasks.add(s.index());
            lane.running = s.index();
            lane.touch(s.at());
            int n = lane.tasks.size();
            if (s.chunk() >= 0 && n >= 2 && chunk[lane.tasks.get(n - 2)] == s.chunk()) {
                lane.touch(start[lane.tasks.get(n - 2)]); // the chunk's bracket now runs under the previous bar too
            }
        } else if (e instanceof RunEvent.TaskFinished f) {
            ensureTask(f.index());
            end[f.index()] = f.at();
            status[f.index()] = f.status();
            result[f.index()] = f.status() == TaskStatus.OK ? f.result() : f.error();
            label[f.index()] = labelFor(names[f.index()], f.status());
            finishedCount++;
            if (f.status() == TaskStatus.TIMEOUT && f.slot() >= 0) {
                timedOut(laneAt(f.slot()), f.pid());
            }
            if (f.slot() >= 0 && start[f.index()] >= 0) {
                Lane lane = laneAt(f.slot());
                lane.touch(start[f.index()]);
                if (lane.running == f.index()) {
                    lane.running = -1;
                }
            }
        } else if (e instanceof RunEvent.WorkerStateChanged w) {
            Lane lane = laneAt(w.slot());
            if (w.pid() == lane.pid || lane.pid < 0) {
                // Busy and idle alternate with every task; the header shows them only in its
                // badge, which the renderer compares itself. An exit hides the OS text.
                boolean wasGone = gone(lane.state);
                lane.state = w.state();
                lane.headerDirty |= gone(lane.state) != wasGone;
            }
        } else if (e instanceof RunEvent.WorkerSpawned w) {
            Lane lane = laneAt(w.slot());
            if (w.generation() > 0) {
                lane.marks.add(new Mark(Mark.Kind.HANDOVER, w.at(), w.at(), lane.pid, w.pid(),
                        "PID " + lane.pid + " \u2192 " + w.pid()));
            }
            lane.pid = w.pid();
            lane.lives.add(new Life(w.pid(), w.at()));
            lane.what = w.lane();
            if (lane.name == null && w.lane().name() != null && w.lane().kind() == dev.poolscope.engine.Lane.Kind.LANE) {
                // An imported lane has only its name (its PID, if any, follows it). A Dask worker keeps
                // "W0  PID 1234": its address is too long for the header and is in the lane's hover.
                lane.name = w.lane().name();
                lane.headerText = null;
            }
            lane.os.thread = w.lane().kind() == dev.poolscope.engine.Lane.Kind.THREAD;
            lane.generation = w.generation();
            lane.state = WorkerState.STARTING;
            lane.headerDirty = true;
            lane.touch(w.at());
        } else if (e instanceof RunEvent.WorkerExited x) {
            Lane lane = laneAt(x.slot());
            for (Life life : lane.lives) {
                if (life.pid == x.pid() && life.exitAt < 0) {
                    life.exitAt = x.at();
                    life.exitCode = x.exitCode();
                    life.signal = x.signal();
                    life.endedBy = x.kind() == dev.poolscope.engine.ExitKind.TERMINATED ? endedBy(x.detail()) : null;
                    lane.touch(0); // its life line and label: the lane is drawn again (an exit is rare)
                }
            }
            boolean limit = x.pid() >= 0 && x.pid() == lane.timeoutKilledPid;
            if (x.kind() == dev.poolscope.engine.ExitKind.CRASHED || limit) {
                lane.touch(x.at());
                lane.marks.add(limit ? timeoutKill(x.at(), x.pid())
                        : new Mark(Mark.Kind.CRASH, x.at(), x.at(), x.pid(), -1, "\u2716 PID " + x.pid() + " " + x.detail()));
            }
        } else if (e instanceof RunEvent.InitializerRan r) {
            laneAt(r.slot()).touch(r.startAt());
            laneAt(r.slot()).marks.add(new Mark(r.error() == null ? Mark.Kind.INIT : Mark.Kind.INIT_FAILED,
                    r.startAt(), r.at(), r.pid(), r.pid(), r.error() == null ? "initializer" : "initializer failed: " + r.error()));
        } else if (e instanceof RunEvent.RunFinished f) {
            finishedAt = f.at();
            stopped = f.stopped();
        } else if (e instanceof RunEvent.WorkerSampled s && s.slot() + laneOffset >= 0
                && s.slot() + laneOffset < lanes.length) {
            // Slot -1: a Python program's main process, all its threads together, on the main lane.
            Lane lane = laneAt(s.slot());
            lane.osHeaderDirty |= lane.os.add(s, lane.pid);
            int last = lane.os.size() - 1;
            boolean veil = OsState.isStopped(s.state()) || last > 0 && OsState.isStopped(lane.os.state(last - 1));
            if (veil) {
                lane.touch(lane.os.from(last)); // a stopped process's veil and label cover the lane
            } else {
                lane.stripDirtyFrom = Math.min(lane.stripDirtyFrom, lane.os.from(last));
            }
        } else {
            return false;
        }
        return true;
    }

    private static boolean gone(WorkerState state) {
        return state == WorkerState.EXITED || state == WorkerState.CRASHED;
    }

    /**
     * The engine is killing {@code pid} because its task ran past the time limit; the task's
     * timeout comes before the worker's exit, which is then marked as a time-limit kill.
     */
    private static void timedOut(Lane lane, long pid) {
        lane.timeoutKilledPid = pid;
        lane.headerDirty = true;
    }

    private static Mark timeoutKill(long at, long pid) {
        return new Mark(Mark.Kind.TIMEOUT_KILL, at, at, pid, -1, "\u25F7 PID " + pid + " killed: time limit");
    }

    static String labelFor(String name, TaskStatus status) {
        return switch (status) {
            case OK -> name;
            case CRASHED -> "\u2716 " + name + " crashed";
            case FAILED -> "\u26A0 " + name + " failed";
            case TIMEOUT -> "\u25F7 " + name + " timed out";
            case CANCELLED -> name + " cancelled";
        };
    }

    /** The label drawn on a task's bar. */
    public String label(int task) {
        return label[task];
    }

    public int taskCount() {
        return taskCount;
    }

    public int laneCount() {
        return lanes.length;
    }

    public Lane lane(int i) {
        return lanes[i];
    }

    public String name(int task) {
        return names[task];
    }

    /** Start time in ns since the run began, or -1 while the task waits. */
    public long start(int task) {
        return start[task];
    }

    /** End time in ns, or -1 while the task runs or waits. */
    public long end(int task) {
        return end[task];
    }

    public int slot(int task) {
        return slot[task];
    }

    public long pid(int task) {
        return pid[task];
    }

    public int chunk(int task) {
        return chunk[task];
    }

    /** The final status, or null while the task waits or runs. */
    public TaskStatus status(int task) {
        return status[task];
    }

    /** The result (when OK) or the error text. */
    public String resultOrError(int task) {
        return result[task];
    }

    public int startedCount() {
        return startedCount;
    }

    public int finishedCount() {
        return finishedCount;
    }

    public boolean isFinished() {
        return finishedAt >= 0;
    }

    public boolean wasStopped() {
        return stopped;
    }

    /** When the run ended, in ns since its start, or -1 while it runs. */
    public long finishedAt() {
        return finishedAt;
    }

    /** A growable int array: lanes keep their task indexes without boxing. */
    static final class IntList {
        private int[] data = new int[16];
        private int size;

        void add(int v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        int get(int i) {
            return data[i];
        }

        int size() {
            return size;
        }

        int[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }

    /**
     * "terminated by multiprocessing at exit" from "terminated by multiprocessing at exit (a daemon
     * ...): SIGTERM": an engine's words for a process ended on purpose end in ": SIGNAME"; the
     * lane's label keeps who ended it (the signal is said beside it), not the whole sentence.
     */
    static String endedBy(String detail) {
        int colon = detail == null ? -1 : detail.lastIndexOf(": SIG");
        if (colon <= 0) {
            return null;
        }
        String who = detail.substring(0, colon);
        int aside = who.indexOf(" (");
        return aside > 0 ? who.substring(0, aside) : who;
    }
}

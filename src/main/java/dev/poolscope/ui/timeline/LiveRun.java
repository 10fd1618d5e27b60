package dev.poolscope.ui.timeline;

import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.TaskStatus;
import dev.poolscope.engine.WorkerState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the timeline knows of one run, built from the engine's events. Plain Java, touched only
 * on the FX thread (the frame timer applies events to it), so it needs no locking. Tasks live
 * in parallel arrays so 10,000 of them cost no allocation per frame.
 */
public final class LiveRun {
    /** A mark inside a lane: a PID hand-over, a crash or an initializer span. */
    public record Mark(Kind kind, long at, long endAt, long oldPid, long newPid, String text) {
        public enum Kind { HANDOVER, CRASH, TIMEOUT_KILL, INIT, INIT_FAILED }
    }

    /** One lane (worker slot): its current process and what happened in it. */
    public static final class Lane {
        long pid = -1;
        WorkerState state = WorkerState.STARTING;
        int generation;
        IntList tasks = new IntList();
        final List<Mark> marks = new ArrayList<>();
        /** Earliest time whose picture changed since the last draw (Long.MAX_VALUE: none). */
        long dirtyFrom = Long.MAX_VALUE;
        boolean headerDirty = true;
        /** The task running in this lane, or -1. */
        int running = -1;
        /** The PID the engine killed because its task ran past the time limit, or -1. */
        long timeoutKilledPid = -1;
        /** What the operating system saw of this lane's processes (dev.poolscope.os.OsSampler). */
        final OsTrack os = new OsTrack();
        private String headerText;
        private long headerPid = Long.MIN_VALUE;

        /** "W3  PID 1234", cached until the PID changes (no allocation per frame). */
        String headerText(int index) {
            if (headerPid != pid || headerText == null) {
                headerPid = pid;
                headerText = "W" + index + "  PID " + (pid < 0 ? "\u2014" : String.valueOf(pid));
            }
            return headerText;
        }

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

        public OsTrack os() {
            return os;
        }

        /** Whether the lane's current process was killed by the time limit (not a crash). */
        public boolean killedByTimeLimit() {
            return pid >= 0 && pid == timeoutKilledPid;
        }
    }

    private final String[] names;
    private final long[] start;
    private final long[] end;
    private final int[] slot;
    private final long[] pid;
    private final int[] chunk;
    private final TaskStatus[] status;
    private final String[] result;
    /** The bar's label: the name, or "✖ name crashed" etc. once it ended badly. */
    private final String[] label;
    private final Lane[] lanes;
    private int startedCount;
    private int finishedCount;
    private long finishedAt = -1;
    private boolean stopped;

    public LiveRun(List<String> taskNames, int slots) {
        int n = taskNames.size();
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
        lanes = new Lane[slots];
        for (int i = 0; i < slots; i++) {
            lanes[i] = new Lane();
        }
    }

    /** Applies one event; returns true when it changes the picture. */
    public boolean apply(RunEvent e) {
        if (e instanceof RunEvent.TaskStarted s) {
            if (start[s.index()] < 0) {
                startedCount++;
            }
            start[s.index()] = s.at();
            slot[s.index()] = s.slot();
            pid[s.index()] = s.pid();
            chunk[s.index()] = s.chunk();
            Lane lane = lanes[s.slot()];
            lane.tasks.add(s.index());
            lane.running = s.index();
            lane.touch(s.at());
        } else if (e instanceof RunEvent.TaskFinished f) {
            end[f.index()] = f.at();
            status[f.index()] = f.status();
            result[f.index()] = f.status() == TaskStatus.OK ? f.result() : f.error();
            label[f.index()] = labelFor(names[f.index()], f.status());
            finishedCount++;
            if (f.status() == TaskStatus.TIMEOUT && f.slot() >= 0) {
                timedOut(lanes[f.slot()], f.pid());
            }
            if (f.slot() >= 0 && start[f.index()] >= 0) {
                Lane lane = lanes[f.slot()];
                lane.touch(start[f.index()]);
                if (lane.running == f.index()) {
                    lane.running = -1;
                }
            }
        } else if (e instanceof RunEvent.WorkerStateChanged w) {
            Lane lane = lanes[w.slot()];
            if (w.pid() == lane.pid || lane.pid < 0) {
                lane.state = w.state();
                lane.headerDirty = true;
            }
        } else if (e instanceof RunEvent.WorkerSpawned w) {
            Lane lane = lanes[w.slot()];
            if (w.generation() > 0) {
                lane.marks.add(new Mark(Mark.Kind.HANDOVER, w.at(), w.at(), lane.pid, w.pid(),
                        "PID " + lane.pid + " \u2192 " + w.pid()));
            }
            lane.pid = w.pid();
            lane.generation = w.generation();
            lane.state = WorkerState.STARTING;
            lane.headerDirty = true;
            lane.touch(w.at());
        } else if (e instanceof RunEvent.WorkerExited x) {
            Lane lane = lanes[x.slot()];
            boolean limit = x.pid() >= 0 && x.pid() == lane.timeoutKilledPid;
            if (x.kind() == dev.poolscope.engine.ExitKind.CRASHED || limit) {
                lane.touch(x.at());
                lane.marks.add(limit ? timeoutKill(x.at(), x.pid())
                        : new Mark(Mark.Kind.CRASH, x.at(), x.at(), x.pid(), -1, "\u2716 PID " + x.pid() + " " + x.detail()));
            }
        } else if (e instanceof RunEvent.InitializerRan r) {
            lanes[r.slot()].touch(r.startAt());
            lanes[r.slot()].marks.add(new Mark(r.error() == null ? Mark.Kind.INIT : Mark.Kind.INIT_FAILED,
                    r.startAt(), r.at(), r.pid(), r.pid(), r.error() == null ? "initializer" : "initializer failed: " + r.error()));
        } else if (e instanceof RunEvent.RunFinished f) {
            finishedAt = f.at();
            stopped = f.stopped();
        } else if (e instanceof RunEvent.WorkerSampled s && s.slot() >= 0 && s.slot() < lanes.length) {
            Lane lane = lanes[s.slot()];
            lane.headerDirty |= lane.os.add(s, lane.pid);
            lane.touch(lane.os.from(lane.os.size() - 1));
        } else {
            return false;
        }
        return true;
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
        return names.length;
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
}

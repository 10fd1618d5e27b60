package dev.poolscope.cpython;

import com.fasterxml.jackson.databind.JsonNode;
import dev.poolscope.engine.ExitKind;
import dev.poolscope.engine.Lane;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.RunEvent.ProcessMark;
import dev.poolscope.engine.TaskStatus;
import dev.poolscope.engine.WorkerState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The threads of a run's Python processes as lanes (see poolscope_threads.py): a lane per thread
 * of the program's work (a {@code threading.Thread}, a ThreadPool or ThreadPoolExecutor worker),
 * with its process's PID, its OS thread id and its name, and its tasks as bars. Called by
 * {@link RunState} under its lock, with the messages of one process in order.
 */
final class ThreadLanes {
    /** A task key's job for a plain Thread's target: one task per thread (its TID as the item). */
    private static final int THREAD_TARGET = -3;

    private static final class PyThread {
        final long pid;
        final long tid;
        final String name;
        final int slot;
        int running = -1;
        boolean ended;

        PyThread(long pid, long tid, String name, int slot) {
            this.pid = pid;
            this.tid = tid;
            this.name = name;
            this.slot = slot;
        }
    }

    private final TaskBook book;
    private final Lanes lanes;
    private final Consumer<RunEvent> emit;
    private final Map<List<Long>, PyThread> threads = new HashMap<>();
    private final List<PyThread> order = new ArrayList<>();
    /** Tasks of ThreadPool and ThreadPoolExecutor calls, by (pid, job, chunk, k). */
    private final Map<List<Long>, Integer> tasks = new HashMap<>();

    ThreadLanes(TaskBook book, Lanes lanes, Consumer<RunEvent> emit) {
        this.book = book;
        this.lanes = lanes;
        this.emit = emit;
    }

    /** Whether this is a thread message. */
    static boolean isThreadMessage(String e) {
        return switch (e) {
            case "thread", "thread_end", "ttask0", "ttask1", "tqueued", "tmark" -> true;
            default -> false;
        };
    }

    /**
     * A thread message of process {@code pid}, whose own lane is {@code processSlot} (-1: the main
     * lane); {@code at} is its time in ns since the run started.
     */
    void handle(long pid, int processSlot, String e, JsonNode m, long at) {
        switch (e) {
            case "thread" -> begins(pid, m, at);
            case "thread_end" -> {
                PyThread t = threads.get(List.of(pid, m.path("tid").asLong()));
                if (t != null) {
                    end(t, at, "the thread ended");
                }
            }
            case "tqueued" -> {
                JsonNode key = m.path("key");
                taskFor(pid, key.path(0).asLong(), key.path(1).asLong(), key.path(2).asLong(), m.path("name").asText(""), at);
            }
            case "ttask0" -> taskStarted(pid, m, at);
            case "ttask1" -> taskEnded(pid, m, at);
            case "tmark" -> mark(pid, processSlot, m, at);
            default -> { }
        }
    }

    private void begins(long pid, JsonNode m, long at) {
        long tid = m.path("tid").asLong(-1);
        String name = m.path("name").asText("thread");
        PyThread t = new PyThread(pid, tid, name, lanes.addThreadLane());
        threads.put(List.of(pid, tid), t);
        order.add(t);
        emit.accept(new RunEvent.WorkerSpawned(at, t.slot, pid, 0, Lane.thread(tid, name)));
        emit.accept(new RunEvent.WorkerStateChanged(at, t.slot, pid, WorkerState.IDLE));
    }

    /** The task of a key, made known to the run (in submission order) the first time it is seen. */
    private int taskFor(long pid, long job, long chunk, long item, String name, long at) {
        List<Long> k = List.of(pid, job, chunk, item);
        Integer known = tasks.get(k);
        if (known != null) {
            return known;
        }
        int index = book.queue(pid, (int) job, (int) chunk, (int) item, name);
        if (index >= 0) {
            tasks.put(k, index);
            emit.accept(new RunEvent.TaskAdded(at, index, name, CPythonTrace.PYTHON_KIND));
        }
        return index;
    }

    private void taskStarted(long pid, JsonNode m, long at) {
        PyThread t = threads.get(List.of(pid, m.path("tid").asLong()));
        if (t == null) {
            return;
        }
        JsonNode key = m.path("key");
        String name = m.path("name").asText("");
        int index = key.path(0).asInt() == -1
                ? taskFor(pid, THREAD_TARGET, THREAD_TARGET, t.tid, name, at) // a Thread's own target: one per thread
                : taskFor(pid, key.path(0).asLong(), key.path(1).asLong(), key.path(2).asLong(), name, at);
        if (index < 0) {
            return;
        }
        book.get(index).started = true;
        t.running = index;
        emit.accept(new RunEvent.WorkerStateChanged(at, t.slot, pid, WorkerState.BUSY));
        emit.accept(new RunEvent.TaskStarted(at, index, t.slot, pid, -1));
    }

    private void taskEnded(long pid, JsonNode m, long at) {
        PyThread t = threads.get(List.of(pid, m.path("tid").asLong()));
        if (t == null || t.running < 0) {
            return;
        }
        int index = t.running;
        t.running = -1;
        boolean ok = m.path("ok").asBoolean(false);
        String result = ok && m.path("result").isTextual() ? m.path("result").asText() : null;
        String error = ok ? null : m.path("error").asText("failed");
        finish(index, t, ok ? TaskStatus.OK : TaskStatus.FAILED, result, error, at);
        emit.accept(new RunEvent.WorkerStateChanged(at, t.slot, pid, WorkerState.IDLE));
    }

    private void finish(int index, PyThread t, TaskStatus status, String result, String error, long at) {
        book.finished(index, status, result, error);
        emit.accept(new RunEvent.TaskFinished(at, index, t.slot, t.pid, status, result, error));
    }

    /** A call the program made on one of its threads: a mark on the caller's lane. */
    private void mark(long pid, int processSlot, JsonNode m, long at) {
        PyThread caller = threads.get(List.of(pid, m.path("by").asLong()));
        int slot = caller != null ? caller.slot : processSlot;
        long tid = m.path("tid").asLong(-1);
        String thread = "thread " + tid + " (" + m.path("name").asText("") + ")";
        String kind = m.path("kind").asText("");
        switch (kind) {
            case "start" -> emit.accept(new ProcessMark(at, slot, pid, ProcessMark.START, pid,
                    "start() \u2192 " + thread + (m.path("label").isTextual() ? " " + m.path("label").asText() : "")
                            + ", PID " + pid));
            case "join" -> emit.accept(new ProcessMark(at, slot, pid, ProcessMark.JOIN, pid, "join() waits for " + thread));
            case "joined" -> emit.accept(new ProcessMark(at, slot, pid, ProcessMark.JOINED, pid,
                    m.path("alive").asBoolean() ? "join() timed out: " + thread + " still running" : "joined " + thread));
            case "alive" -> emit.accept(new ProcessMark(at, slot, pid, ProcessMark.IS_ALIVE, pid,
                    "is_alive() of " + thread + " \u2192 " + (m.path("answer").asBoolean() ? "True" : "False")));
            default -> { }
        }
    }

    private void end(PyThread t, long at, String why) {
        if (t.ended) {
            return;
        }
        t.ended = true;
        if (t.running >= 0) {
            int index = t.running;
            t.running = -1;
            finish(index, t, TaskStatus.CRASHED, null, "lost: thread " + t.tid + " " + why + " while running it", at);
        }
        emit.accept(new RunEvent.WorkerExited(at, t.slot, t.pid, ExitKind.NORMAL, null, null, why));
        emit.accept(new RunEvent.WorkerStateChanged(at, t.slot, t.pid, WorkerState.EXITED));
    }

    /**
     * For a line printed by thread {@code tid} of process {@code pid}: {task it is running (or
     * -1), its lane}, or null when that thread has no lane (the main thread, a helper thread).
     */
    int[] printedBy(long pid, long tid) {
        PyThread t = tid < 0 ? null : threads.get(List.of(pid, tid));
        return t == null || t.ended ? null : new int[] {t.running, t.slot};
    }

    /** Process {@code pid} is gone: its threads went with it. */
    void processGone(long pid, long at, String how) {
        for (PyThread t : order) {
            if (t.pid == pid) {
                end(t, at, "ended with its process (" + how + ")");
            }
        }
    }

    /** The run is ending: every thread still open ends with it. */
    void finish(long at) {
        for (PyThread t : order) {
            end(t, at, "ended with its process");
        }
    }
}

package dev.poolscope.dask;

import com.fasterxml.jackson.databind.JsonNode;
import dev.poolscope.cpython.EventChannel;
import dev.poolscope.engine.EventLog;
import dev.poolscope.engine.ExitKind;
import dev.poolscope.engine.Lane;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.TaskStatus;
import dev.poolscope.engine.WorkerState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the Dask driver's messages (see poolscope_dask.py) into the engine's {@link RunEvent}s, so
 * the trace, the report and the window show a Dask run like any other. A lane is a Dask worker
 * name: a nanny's restarted worker (new PID, new address) stays in its lane as a new generation.
 * All state is guarded by {@code lock}; the channel's reader thread and the run's thread call in.
 */
final class DaskState implements EventChannel.Handler {
    private final Object lock = new Object();
    private final long t0;
    private final EventLog feed;
    private final List<String> taskNames;
    private final Map<String, Integer> slotByName = new HashMap<>();
    private final Map<String, DaskLane> laneByAddress = new HashMap<>();
    private final List<DaskLane> lanes = new ArrayList<>();
    /** The lane each task is running on now (null when not running). */
    private final DaskLane[] runningOn;
    private final boolean[] started;
    private final boolean[] finalStatus;
    private final List<Integer> lostTasks = new ArrayList<>();
    private volatile String schedulerAddress;
    private volatile boolean clusterStarted;
    private volatile String fatal;
    private volatile String daskVersion;
    private boolean closing;
    private boolean finished;
    private long driverPid = -1;

    DaskState(long t0, EventLog feed, List<String> taskNames) {
        this.t0 = t0;
        this.feed = feed;
        this.taskNames = List.copyOf(taskNames);
        this.runningOn = new DaskLane[taskNames.size()];
        this.started = new boolean[taskNames.size()];
        this.finalStatus = new boolean[taskNames.size()];
    }

    private long at(JsonNode m) {
        return Math.max(0, m.path("t").asLong(System.nanoTime()) - t0);
    }

    private long now() {
        return System.nanoTime() - t0;
    }

    private void emit(RunEvent e) {
        feed.add(e);
    }

    // ---- what the run asks --------------------------------------------------------------------------

    String schedulerAddress() {
        return schedulerAddress;
    }

    boolean clusterStarted() {
        return clusterStarted;
    }

    /** Why the driver gave up, in one sentence, or null. */
    String fatal() {
        return fatal;
    }

    String daskVersion() {
        return daskVersion;
    }

    int laneCount() {
        synchronized (lock) {
            return slotByName.size();
        }
    }

    List<DaskLane> lanes() {
        synchronized (lock) {
            return List.copyOf(lanes);
        }
    }

    /** The live worker in a lane, if it is still the process {@code pid}. */
    DaskLane current(int slot, long pid) {
        synchronized (lock) {
            for (int i = lanes.size() - 1; i >= 0; i--) {
                DaskLane l = lanes.get(i);
                if (l.slot == slot) {
                    return l.pid == pid && !l.gone ? l : null;
                }
            }
            return null;
        }
    }

    void driverStarted(long pid, String program, String interpreter) {
        synchronized (lock) {
            driverPid = pid;
            emit(new RunEvent.ProgramStarted(now(), pid, program, interpreter));
        }
    }

    void driverExited(long at, Integer code, Integer signal, String detail) {
        synchronized (lock) {
            emit(new RunEvent.ProgramExited(at, driverPid, code, signal, detail));
        }
    }

    /** A line the driver wrote on stdout or stderr (Dask's own warnings): kept as the driver's output. */
    void driverLine(String text) {
        synchronized (lock) {
            if (!finished) {
                emit(new RunEvent.OutputLine(now(), -1, -1, driverPid, text));
            }
        }
    }

    void notice(String text) {
        synchronized (lock) {
            emit(new RunEvent.RunNotice(now(), -1, driverPid, text));
        }
    }

    /** Ends the record: unfinished tasks cancelled, workers of our own cluster closed with it, RunFinished. */
    void finish(boolean stopped) {
        synchronized (lock) {
            if (finished) {
                return;
            }
            long at = now();
            for (int i = 0; i < taskNames.size(); i++) {
                if (!finalStatus[i]) {
                    DaskLane l = runningOn[i];
                    finalStatus[i] = true;
                    emit(new RunEvent.TaskFinished(at, i, l == null ? -1 : l.slot, l == null ? -1 : l.pid,
                            TaskStatus.CANCELLED, null, stopped ? "cancelled: the run was stopped"
                            : started[i] ? "cancelled: the driver ended while it ran" : "never ran: the driver ended before it"));
                }
            }
            for (DaskLane l : lanes) {
                if (!l.gone && clusterStarted) {
                    gone(l, at, stopped ? ExitKind.TERMINATED : ExitKind.NORMAL,
                            stopped ? "ended with the run's local cluster (stopped)" : "closed with the run's local cluster");
                }
            }
            finished = true;
            emit(new RunEvent.RunFinished(at, stopped));
        }
    }

    // ---- the driver's messages ------------------------------------------------------------------------

    @Override
    public void onMessage(int connection, JsonNode m) {
        synchronized (lock) {
            if (finished) {
                return;
            }
            switch (m.path("e").asText("")) {
                case "python" -> daskVersion = m.path("dask").asText(null);
                case "cluster" -> cluster(m);
                case "worker" -> worker(m);
                case "task0" -> taskStarted(m);
                case "out" -> output(m);
                case "task1" -> taskEnded(m);
                case "result" -> result(m);
                case "lost" -> lost(m);
                case "transition" -> transition(m);
                case "closing" -> closing = true;
                case "fatal" -> {
                    fatal = m.path("why").asText("the Dask driver failed");
                    emit(new RunEvent.RunNotice(at(m), -1, driverPid, fatal));
                }
                default -> { }
            }
        }
    }

    @Override
    public void onClosed(int connection) {
        // the driver's end is told by the run, which waits for the process
    }

    private void cluster(JsonNode m) {
        schedulerAddress = m.path("address").asText("");
        clusterStarted = m.path("started").asBoolean();
        emit(new RunEvent.RunNotice(at(m), -1, driverPid, clusterStarted
                ? "PoolScope started a local Dask cluster (scheduler " + schedulerAddress + "); it ends with the run."
                : "Connected to the Dask cluster at " + schedulerAddress + "; PoolScope leaves it running."));
    }

    private void worker(JsonNode m) {
        String address = m.path("w").asText("");
        String name = m.path("name").asText(address);
        long pid = m.path("pid").asLong(-1);
        DaskLane known = laneByAddress.get(address);
        if (known != null && known.pid == pid) {
            return;
        }
        Integer slot = slotByName.get(name);
        int generation = 0;
        if (slot == null) {
            slot = slotByName.size();
            slotByName.put(name, slot);
        } else {
            for (DaskLane l : lanes) {
                generation += l.slot == slot ? 1 : 0;
            }
        }
        DaskLane lane = new DaskLane(slot, generation, pid, address, name, m.path("host").asText(""),
                m.path("threads").asInt(1));
        lanes.add(lane);
        laneByAddress.put(address, lane);
        long at = at(m);
        // The lane model's host: null for this machine (a local cluster, or a worker on the loopback address).
        String host = clusterStarted || lane.host.isEmpty() || lane.host.startsWith("127.") || lane.host.equals("localhost")
                ? null : lane.host;
        emit(new RunEvent.WorkerSpawned(at, slot, pid, generation, Lane.worker(address, host)));
        emit(new RunEvent.WorkerStateChanged(at, slot, pid, WorkerState.IDLE));
        if (generation > 0) {
            emit(new RunEvent.RunNotice(at, slot, pid, "Dask's nanny started worker " + address + " (PID " + pid
                    + ") in lane " + slot + " in place of the one it lost."));
        }
    }

    private int index(JsonNode m) {
        int i = m.path("i").asInt(-1);
        return i >= 0 && i < taskNames.size() ? i : -1;
    }

    private void taskStarted(JsonNode m) {
        int i = index(m);
        DaskLane lane = laneByAddress.get(m.path("w").asText(""));
        if (i < 0 || lane == null || finalStatus[i]) {
            return;
        }
        long at = at(m);
        if (lostTasks.remove(Integer.valueOf(i))) {
            emit(new RunEvent.RunNotice(at, lane.slot, lane.pid, "Dask reran " + taskNames.get(i) + " on worker "
                    + lane.address + " (PID " + lane.pid + "): its first run was lost with its worker."));
        }
        started[i] = true;
        runningOn[i] = lane;
        if (lane.running++ == 0) {
            emit(new RunEvent.WorkerStateChanged(at, lane.slot, lane.pid, WorkerState.BUSY));
        }
        emit(new RunEvent.TaskStarted(at, i, lane.slot, lane.pid, i));
    }

    private void output(JsonNode m) {
        int i = index(m);
        DaskLane lane = laneByAddress.get(m.path("w").asText(""));
        if (i >= 0 && lane != null) {
            emit(new RunEvent.OutputLine(at(m), i, lane.slot, lane.pid, m.path("text").asText("")));
        }
    }

    private void taskEnded(JsonNode m) {
        int i = index(m);
        DaskLane lane = laneByAddress.get(m.path("w").asText(""));
        if (i < 0 || lane == null || finalStatus[i] || runningOn[i] != lane) {
            return;
        }
        long at = at(m);
        boolean ok = m.path("ok").asBoolean(false);
        finalStatus[i] = true;
        runningOn[i] = null;
        String error = ok ? null : m.path("error").asText("failed");
        if (error != null && error.startsWith("TaskFailed: ")) {
            error = error.substring("TaskFailed: ".length()); // a fail task's message, as the other engines give it
        }
        emit(new RunEvent.TaskFinished(at, i, lane.slot, lane.pid, ok ? TaskStatus.OK : TaskStatus.FAILED,
                ok && m.path("result").isTextual() ? m.path("result").asText() : null, error));
        if (--lane.running == 0 && !lane.gone) {
            emit(new RunEvent.WorkerStateChanged(at, lane.slot, lane.pid, WorkerState.IDLE));
        }
    }

    private void result(JsonNode m) {
        int i = index(m);
        if (i < 0) {
            return;
        }
        long at = at(m);
        boolean ok = m.path("ok").asBoolean(false);
        String error = ok ? null : m.path("error").asText("failed");
        if (!finalStatus[i]) {
            // No end from a worker: Dask gave up on the task (KilledWorker after too many lost workers).
            DaskLane l = runningOn[i];
            finalStatus[i] = true;
            emit(new RunEvent.TaskFinished(at, i, l == null ? -1 : l.slot, l == null ? -1 : l.pid,
                    ok ? TaskStatus.OK : TaskStatus.CRASHED, null, error));
        }
        if (error != null && error.startsWith("TaskFailed: ")) {
            error = error.substring("TaskFailed: ".length());
        }
        emit(new RunEvent.ResultDelivered(at, i, ok ? TaskStatus.OK : TaskStatus.FAILED,
                ok && m.path("result").isTextual() ? m.path("result").asText() : null, error));
    }

    /** The scheduler removed a worker: closed with the cluster, or lost (killed, crashed, unreachable). */
    private void lost(JsonNode m) {
        DaskLane lane = laneByAddress.get(m.path("w").asText(""));
        if (lane == null || lane.gone) {
            return;
        }
        long at = at(m);
        if (closing) {
            gone(lane, at, ExitKind.NORMAL, "closed with the run's local cluster");
            return;
        }
        List<String> lostNames = new ArrayList<>();
        for (int i = 0; i < runningOn.length; i++) {
            if (runningOn[i] == lane && !finalStatus[i]) {
                runningOn[i] = null;
                lostTasks.add(i);
                lostNames.add(taskNames.get(i));
                emit(new RunEvent.ProcessMark(at, lane.slot, lane.pid, "lost", -1,
                        "lost with worker PID " + lane.pid + ": " + taskNames.get(i) + "; Dask will run it again"));
            }
        }
        lane.running = 0;
        gone(lane, at, ExitKind.CRASHED, "worker " + lane.address + " lost: Dask's scheduler removed it"
                + (lostNames.isEmpty() ? "" : " while it ran " + String.join(", ", lostNames)));
        emit(new RunEvent.RunNotice(at, lane.slot, lane.pid, "Dask's scheduler lost worker " + lane.address + " (PID "
                + lane.pid + ")" + (lostNames.isEmpty() ? "." : " while it ran " + String.join(", ", lostNames)
                + "; unlike Pool, Dask runs lost tasks again on the workers it has left.")));
    }

    private void transition(JsonNode m) {
        String key = m.path("key").asText("");
        String to = m.path("to").asText("");
        if (!closing && ("waiting".equals(to) || "released".equals(to))) {
            emit(new RunEvent.RunNotice(at(m), -1, driverPid, "Dask's scheduler moved " + key + " from processing back to "
                    + to + ": it will be run again."));
        }
    }

    private void gone(DaskLane lane, long at, ExitKind kind, String detail) {
        lane.gone = true;
        emit(new RunEvent.WorkerExited(at, lane.slot, lane.pid, kind, null, null, detail));
        emit(new RunEvent.WorkerStateChanged(at, lane.slot, lane.pid,
                kind == ExitKind.CRASHED ? WorkerState.CRASHED : WorkerState.EXITED));
    }
}

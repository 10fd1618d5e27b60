package dev.poolscope.trace;

import dev.poolscope.engine.ExitKind;
import dev.poolscope.engine.Mode;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.TaskKind;
import dev.poolscope.engine.TaskSpec;
import dev.poolscope.engine.TaskStatus;
import dev.poolscope.engine.WorkerState;
import java.util.ArrayList;
import java.util.List;

/** Hand-made event lists with times in ms, for exact checks without real processes. */
final class Events {
    final List<RunEvent> list = new ArrayList<>();

    static long ns(double ms) {
        return Math.round(ms * 1_000_000);
    }

    /** A map config over sleep tasks with the given names, chunksize 1. */
    static RunConfig config(int pool, String... names) {
        RunConfig.Builder b = RunConfig.builder().mode(Mode.MAP).pool(pool).chunksize(1);
        for (String name : names) {
            b.task(TaskSpec.of(name, TaskKind.SLEEP, 100));
        }
        return b.build();
    }

    Events spawn(double ms, int slot, long pid, int generation) {
        list.add(new RunEvent.WorkerSpawned(ns(ms), slot, pid, generation));
        list.add(new RunEvent.WorkerStateChanged(ns(ms), slot, pid, WorkerState.STARTING));
        return this;
    }

    Events ready(double ms, int slot, long pid) {
        list.add(new RunEvent.WorkerStateChanged(ns(ms), slot, pid, WorkerState.IDLE));
        return this;
    }

    Events start(double ms, int index, int slot, long pid) {
        list.add(new RunEvent.TaskStarted(ns(ms), index, slot, pid, index));
        return this;
    }

    Events finish(double ms, int index, int slot, long pid, TaskStatus status, String result, String error) {
        list.add(new RunEvent.TaskFinished(ns(ms), index, slot, pid, status, result, error));
        return this;
    }

    Events ok(double ms, int index, int slot, long pid) {
        return finish(ms, index, slot, pid, TaskStatus.OK, null, null);
    }

    Events print(double ms, int index, int slot, long pid, String text) {
        list.add(new RunEvent.OutputLine(ns(ms), index, slot, pid, text));
        return this;
    }

    Events deliver(double ms, int index) {
        list.add(new RunEvent.ResultDelivered(ns(ms), index, TaskStatus.OK, null, null));
        return this;
    }

    Events exit(double ms, int slot, long pid, ExitKind kind, Integer code, Integer signal, String detail) {
        list.add(new RunEvent.WorkerExited(ns(ms), slot, pid, kind, code, signal, detail));
        return this;
    }

    Events add(RunEvent e) {
        list.add(e);
        return this;
    }

    Events done(double ms, boolean stopped) {
        list.add(new RunEvent.RunFinished(ns(ms), stopped));
        return this;
    }

    /**
     * The example from the brief: 2 slots; A 0-100 and C 100-200 ms on slot 0 (pid 101),
     * B 0-300 ms on slot 1 (pid 102). Times are relative to the first start at 50 ms.
     */
    static RunTrace example() {
        Events e = new Events()
                .spawn(0, 0, 101, 0).spawn(0, 1, 102, 0)
                .ready(40, 0, 101).ready(45, 1, 102)
                .start(50, 0, 0, 101).start(50, 1, 1, 102)
                .print(60, 0, 0, 101, "hello, \"world\"")
                .ok(150, 0, 0, 101).start(150, 2, 0, 101)
                .finish(250, 2, 0, 101, TaskStatus.CRASHED, null, "worker 101 exited with code 3")
                .exit(250, 0, 101, ExitKind.CRASHED, 3, null, "exited with code 3")
                .ok(350, 1, 1, 102)
                .deliver(350, 0).deliver(350, 1).deliver(350, 2)
                .exit(400, 1, 102, ExitKind.NORMAL, 0, null, "exited normally")
                .done(400, false);
        return TraceBuilder.of("example", config(2, "A", "B", "C"), e.list);
    }
}

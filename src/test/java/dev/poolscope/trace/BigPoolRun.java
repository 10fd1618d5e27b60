package dev.poolscope.trace;

import dev.poolscope.engine.Lane;
import dev.poolscope.engine.Mode;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.RunInfo;
import dev.poolscope.engine.TaskKind;
import dev.poolscope.engine.TaskSpec;
import dev.poolscope.engine.TaskStatus;
import dev.poolscope.engine.WorkerState;
import dev.poolscope.engine.ExitKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The events of a watched Python program's {@code Pool(2).map(f, range(n))}, in the shape and
 * order the CPython engine sends them (measured on a real run: TaskAdded for every item at the
 * map() call, then per task a busy badge, TaskStarted, TaskFinished and an idle badge, chunks of
 * n / 8 items, then ResultDelivered for every item), plus the OS sampler's samples, about 10 a
 * second per worker. The trace is built by the same TraceBuilder a run uses, so a test can write
 * and read a trace of a size a real run makes without running Python for a minute.
 */
public final class BigPoolRun {
    public static final long MAIN_PID = 40_000;

    private BigPoolRun() {}

    /** The trace of the whole run, as CPythonTrace makes it: the run's events with the samples merged in. */
    public static RunTrace trace(int n) {
        List<RunEvent> events = new ArrayList<>();
        List<RunEvent> samples = new ArrayList<>();
        long perTask = 240_000; // ns: 200,000 items in 48 s on two workers
        long at = 100_000_000;
        events.add(new RunEvent.ProgramStarted(at, MAIN_PID, "/tmp/big_map.py", "/usr/bin/python3 (3.11.7)"));
        long[] pids = {MAIN_PID + 1, MAIN_PID + 2};
        for (int s = 0; s < 2; s++) {
            events.add(new RunEvent.WorkerSpawned(at += 3_000_000, s, pids[s], 0, Lane.PROCESS));
            events.add(new RunEvent.WorkerStateChanged(at, s, pids[s], WorkerState.STARTING));
        }
        for (int s = 0; s < 2; s++) {
            events.add(new RunEvent.WorkerStateChanged(at += 5_000_000, s, pids[s], WorkerState.IDLE));
        }
        long added = at += 2_000_000;
        for (int i = 0; i < n; i++) {
            events.add(new RunEvent.TaskAdded(added, i, "f(" + i + ")", "python"));
        }
        int chunksize = Math.max(1, (n + 7) / 8);
        long[] free = {at, at};
        for (int c = 0; c * chunksize < n; c++) {
            int s = free[0] <= free[1] ? 0 : 1;
            long t = free[s];
            for (int i = c * chunksize; i < Math.min(n, (c + 1) * chunksize); i++) {
                events.add(new RunEvent.WorkerStateChanged(t += 700, s, pids[s], WorkerState.BUSY));
                events.add(new RunEvent.TaskStarted(t, i, s, pids[s], c));
                events.add(new RunEvent.TaskFinished(t += perTask * 2 - 1_400 + (i % 7) * 100, i, s, pids[s],
                        TaskStatus.OK, String.valueOf((long) i * i), null));
                events.add(new RunEvent.WorkerStateChanged(t, s, pids[s], WorkerState.IDLE));
            }
            free[s] = t;
        }
        long end = Math.max(free[0], free[1]) + 3_000_000;
        for (int i = 0; i < n; i++) {
            events.add(new RunEvent.ResultDelivered(end, i, TaskStatus.OK, String.valueOf((long) i * i), null));
        }
        events.add(new RunEvent.OutputLine(end + 1_000_000, -1, -1, MAIN_PID, String.valueOf(n)));
        for (int s = 0; s < 2; s++) {
            events.add(new RunEvent.WorkerExited(end + 5_000_000, s, pids[s], ExitKind.NORMAL, 0, null, "exit code 0"));
            events.add(new RunEvent.WorkerStateChanged(end + 5_000_000, s, pids[s], WorkerState.EXITED));
        }
        events.add(new RunEvent.ProgramExited(end + 9_000_000, MAIN_PID, 0, null, "exit code 0"));
        events.add(new RunEvent.RunFinished(end + 9_500_000, false));
        for (long t = 100_000_000; t < end; t += 100_000_000) {
            for (int s = 0; s < 2; s++) {
                samples.add(new RunEvent.WorkerSampled(t + s, s, pids[s], 99.5, 'R', 12_345, t / 1e6));
            }
            if (t % 1_000_000_000 == 0) {
                samples.add(new RunEvent.MachineSampled(t, 2, 1.25));
            }
        }
        RunConfig.Builder b = RunConfig.builder().mode(Mode.MAP).pool(2).chunksize(1);
        for (int i = 0; i < n; i++) {
            b.task(TaskSpec.of("f(" + i + ")", TaskKind.NOOP, 0));
        }
        return TraceBuilder.of("big_map.py", new RunInfo(RunInfo.CPYTHON, "/tmp/big_map.py", "/usr/bin/python3 (3.11.7)"),
                b.buildObserved(), events, samples);
    }
}

package dev.poolscope.cli;

import dev.poolscope.engine.Mode;
import dev.poolscope.engine.PoolService;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.RunHandle;
import dev.poolscope.engine.RunListener;
import dev.poolscope.engine.TaskKind;
import dev.poolscope.engine.TaskSpec;
import dev.poolscope.engine.WorkerState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The engine's two figures: how soon a pool is ready, and how many tiny tasks per second it
 * pushes through. Both come from the run's own event times, so they measure the pool, not
 * this class.
 */
final class PoolBenchmark {
    private final PoolService service = new PoolService();

    /** Milliseconds from starting a run until every worker of the pool has reported ready. */
    double readyMs(int pool) throws InterruptedException {
        RunConfig config = RunConfig.builder().mode(Mode.MAP).pool(pool).chunksize(1)
                .tasks(noops(pool)).build();
        List<RunEvent> events = runToEnd(config);
        long lastReady = 0;
        for (RunEvent e : events) {
            if (e instanceof RunEvent.WorkerStateChanged s && s.state() == WorkerState.IDLE) {
                lastReady = Math.max(lastReady, s.at());
            }
        }
        return lastReady / 1e6;
    }

    /**
     * Tasks per second for {@code map} of no-op tasks at chunksize 1, timed from the first task's
     * start to the last task's end (as Python's figure is timed around {@code map} only).
     */
    double tasksPerSecond(int pool, int tasks) throws InterruptedException {
        RunConfig config = RunConfig.builder().mode(Mode.MAP).pool(pool).chunksize(1)
                .tasks(noops(tasks)).build();
        List<RunEvent> events = runToEnd(config);
        long first = Long.MAX_VALUE;
        long last = 0;
        int done = 0;
        for (RunEvent e : events) {
            if (e instanceof RunEvent.TaskStarted s) {
                first = Math.min(first, s.at());
            } else if (e instanceof RunEvent.TaskFinished f) {
                last = Math.max(last, f.at());
                done++;
            }
        }
        if (done != tasks) {
            throw new IllegalStateException("only " + done + " of " + tasks + " tasks finished");
        }
        return tasks / ((last - first) / 1e9);
    }

    private List<RunEvent> runToEnd(RunConfig config) throws InterruptedException {
        RunHandle run = service.start(config, RunListener.NONE);
        if (!run.awaitDone(Duration.ofMinutes(2))) {
            run.stop();
            throw new IllegalStateException("benchmark run did not finish in 2 minutes");
        }
        return run.events();
    }

    private static List<TaskSpec> noops(int n) {
        List<TaskSpec> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(TaskSpec.of("t" + i, TaskKind.NOOP, 0));
        }
        return list;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}

package dev.poolscope.os;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.engine.PoolService;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.RunHandle;
import dev.poolscope.engine.RunListener;
import dev.poolscope.trace.OsSample;
import dev.poolscope.trace.RunTrace;
import dev.poolscope.trace.TaskRecord;
import dev.poolscope.trace.TraceBuilder;
import dev.poolscope.trace.WorkerRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A real run with an {@link OsSampler} beside it, and the figures the tests look at. */
final class SampledRun {
    final RunTrace trace;
    final MachineShare.Window machine;

    private SampledRun(RunTrace trace, MachineShare.Window machine) {
        this.trace = trace;
        this.machine = machine;
    }

    static SampledRun of(String name, RunConfig config) throws InterruptedException {
        MachineShare share = MachineShare.start();
        List<RunEvent> samples = Collections.synchronizedList(new ArrayList<>());
        OsSampler os = new OsSampler(samples::add);
        RunHandle run = new PoolService().start(config, os.tap(RunListener.NONE));
        os.start(run.startNanos());
        try {
            assertTrue(run.awaitDone(Duration.ofSeconds(90)), "run did not finish within 90 s");
        } finally {
            os.close();
            run.stop();
        }
        MachineShare.Window window = share.stop();
        List<RunEvent> all = new ArrayList<>(run.events());
        synchronized (samples) {
            all.addAll(samples);
        }
        return new SampledRun(TraceBuilder.of(name, config, all), window);
    }

    /**
     * The median CPU % of a worker over the samples taken wholly inside its tasks (a sample covers
     * the time since the previous one), so start-up and the idle tail do not count.
     */
    static double medianCpuDuringTasks(WorkerRecord w, List<TaskRecord> tasks) {
        List<Double> inside = new ArrayList<>();
        double prev = w.spawnMs();
        for (OsSample s : w.samples()) {
            for (TaskRecord t : tasks) {
                if (t.pid() == w.pid() && t.startMs() != null && t.endMs() != null
                        && prev >= t.startMs() && s.atMs() <= t.endMs()) {
                    inside.add(s.cpuPct());
                    break;
                }
            }
            prev = s.atMs();
        }
        if (inside.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(inside);
        int n = inside.size();
        return n % 2 == 1 ? inside.get(n / 2) : (inside.get(n / 2 - 1) + inside.get(n / 2)) / 2;
    }

    /** "worker PID: median X% (N samples)" for every worker, for messages and the report. */
    String medians() {
        StringBuilder b = new StringBuilder();
        for (WorkerRecord w : trace.workers()) {
            b.append(String.format("pid %d: %.0f%% (%d samples); ", w.pid(), medianCpuDuringTasks(w, trace.tasks()),
                    w.samples().size()));
        }
        return b + machine.toString();
    }
}

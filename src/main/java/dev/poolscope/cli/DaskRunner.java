package dev.poolscope.cli;

import dev.poolscope.cpython.PythonUnavailableException;
import dev.poolscope.dask.DaskOptions;
import dev.poolscope.dask.DaskReport;
import dev.poolscope.dask.DaskRun;
import dev.poolscope.dask.DaskService;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.RunListener;
import dev.poolscope.os.OsSampler;
import dev.poolscope.trace.RunTrace;
import dev.poolscope.trace.TextReport;
import dev.poolscope.trace.TraceBuilder;
import dev.poolscope.trace.TraceJson;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The run command on the Dask engine ({@code run --engine dask [--scheduler tcp://HOST:PORT]}): the
 * usual report and files, plus the cluster, its workers and the scheduler's notices. The trace says
 * "engine": "dask".
 */
final class DaskRunner {
    private DaskRunner() {}

    static int scenario(String name, RunConfig config, DaskOptions options, RunFiles files) throws Exception {
        List<RunEvent> samples = Collections.synchronizedList(new ArrayList<>());
        OsSampler os = new OsSampler(samples::add);
        DaskRun run;
        StopOnSignals.Stop stoppedBy;
        try (StopOnSignals signals = StopOnSignals.install()) {
            try {
                run = new DaskService().start(name, config, options, os.tap(RunListener.NONE));
            } catch (PythonUnavailableException e) {
                throw new BadInput((options.pythonExe() != null ? "--python-exe" : "--engine dask") + ": "
                        + e.getMessage().replaceFirst("\\.$", ""));
            } catch (IOException e) {
                throw new BadInput("--engine dask: cannot start Dask's driver: " + PoolScopeCommand.oneLine(e));
            }
            signals.attach(run::stop);
            os.start(run.startNanos());
            System.err.printf("Running %s on Dask (%s) with %s...%n", name, options.scheduler() != null
                    ? "the cluster at " + options.scheduler() : "a local cluster of " + config.slots() + " worker(s)",
                    run.python().describe());
            run.awaitDone(Duration.ofDays(365));
            stoppedBy = signals.signal();
        }
        os.close();
        if (run.failure() != null && run.lanes().isEmpty()) {
            throw new BadInput("--engine dask: " + run.failure());
        }
        List<RunEvent> sampled;
        synchronized (samples) {
            sampled = List.copyOf(samples);
        }
        RunTrace result = TraceBuilder.of(name, run.info(), run.config(), run.events(), sampled);
        System.out.print(TextReport.render(result));
        System.out.print(DaskReport.render(run));
        files.write(result, new TraceJson.Origin("dask", run.driverPid()));
        if (stoppedBy != null) {
            System.err.println("Stopped by " + stoppedBy.said + ": the driver was ended" + (run.clusterStarted()
                    ? " with its local cluster." : "; the cluster it connected to keeps running."));
            return stoppedBy.exitCode();
        }
        if (run.deadlineHit()) {
            System.err.printf("Stopped at the deadline of %d ms.%n", options.deadlineMs());
            return PoolScopeCommand.TASKS_FAILED;
        }
        return result.tasks().stream().allMatch(t -> "ok".equals(t.status())) ? PoolScopeCommand.OK
                : PoolScopeCommand.TASKS_FAILED;
    }
}

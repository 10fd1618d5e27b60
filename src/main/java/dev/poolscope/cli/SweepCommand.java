package dev.poolscope.cli;

import dev.poolscope.sweep.SweepFiles;
import dev.poolscope.sweep.SweepPlan;
import dev.poolscope.sweep.SweepReport;
import dev.poolscope.sweep.SweepResult;
import dev.poolscope.sweep.SweepSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "sweep", description = {"Runs a scenario for several pool sizes (or chunksizes, or modes) and prints "
        + "makespan, speedup, efficiency and the Karp-Flatt metric per value, with a verdict.",
        "Default pools: 1, 2, 4, ... up to twice the CPU count."})
final class SweepCommand implements Callable<Integer> {
    @ArgGroup(exclusive = true, multiplicity = "1")
    ScenarioSource source;

    @Mixin
    SweepOptions options;

    @Option(names = "--pools", paramLabel = "P1,P2,...", description = "the pool sizes (same as --vary pool=...)")
    String pools;

    @Option(names = "--repeat", paramLabel = "R", defaultValue = "3",
            description = "runs per value; the median counts (default: ${DEFAULT-VALUE})")
    int repeat;

    @Option(names = "--csv", paramLabel = "FILE", description = "write a row per run")
    Path csv;

    @Option(names = "--json", paramLabel = "FILE", description = "write the summary and every run's trace")
    Path json;

    @Override
    public Integer call() throws Exception {
        if (csv != null || json != null) {
            String unwritable = csv != null ? OutputFiles.problem("--csv", csv) : null;
            unwritable = unwritable != null ? unwritable : OutputFiles.problem("--json", json);
            if (unwritable != null) {
                throw new BadInput(unwritable);
            }
        }
        SweepPlan plan = options.plan(source, pools, repeat, true);
        SweepResult result = SweepOptions.run(plan);
        SweepSummary summary = result.summary();
        System.out.print(SweepReport.render(summary));
        Path writing = csv;
        try {
            if (csv != null) {
                SweepFiles.writeCsv(result, summary, csv);
                System.err.println("wrote CSV to " + csv);
            }
            writing = json;
            if (json != null) {
                SweepFiles.writeJson(result, summary, json);
                System.err.println("wrote JSON to " + json);
            }
        } catch (IOException e) {
            throw new BadInput((writing == csv ? "--csv" : "--json") + ": " + OutputFiles.failure(writing, e));
        }
        if (result.cancelled()) {
            return StopOnSignals.lastExitCode();
        }
        return result.allComplete() ? PoolScopeCommand.OK : PoolScopeCommand.TASKS_FAILED;
    }
}

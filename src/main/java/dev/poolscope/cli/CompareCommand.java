package dev.poolscope.cli;

import dev.poolscope.sweep.CompareReport;
import dev.poolscope.sweep.Comparison;
import dev.poolscope.sweep.SweepPlan;
import dev.poolscope.sweep.SweepResult;
import dev.poolscope.sweep.SweepRun;
import dev.poolscope.trace.RunTrace;
import dev.poolscope.traceimport.AnyTrace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "compare", description = "Runs a scenario once per value of one setting (--vary pool=2,4, chunksize=1,4, "
        + "mode=map,imap_unordered, start=together,asap, engine=java,cpython,dask) and prints the runs' timelines on one time scale and their statistics side by side;"
        + " or compares saved traces (--trace A --trace B).")
final class CompareCommand implements Callable<Integer> {
    /** Required unless --trace files are compared instead (checked in {@link #call}). */
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    ScenarioSource source;

    @Mixin
    SweepOptions options;

    @Option(names = "--trace", paramLabel = "FILE", description = "compare saved traces instead of running: PoolScope's"
            + " own, Chrome Trace Event JSON (VizTracer, Perfetto, Ray) or Dask's task stream; give two or more")
    List<Path> traces;

    @Override
    public Integer call() throws Exception {
        if (traces != null) {
            return compareFiles();
        }
        if (source == null) {
            throw new BadInput("--lesson or --scenario: say what to run (or compare saved traces with --trace A --trace B)");
        }
        SweepPlan plan = options.plan(source, null, 1, false);
        String noPython = plan.pythonMissing();
        if (noPython != null) {
            throw new BadInput("--vary engine: nothing was run: " + noPython.replaceFirst("\\.$", ""));
        }
        SweepResult result = SweepOptions.run(plan);
        if (result.runs().isEmpty()) {
            return result.cancelled() ? StopOnSignals.lastExitCode() : PoolScopeCommand.TASKS_FAILED;
        }
        Comparison c = new Comparison(result.runs().stream().map(r -> plan.label(r.valueIndex())).toList(),
                result.runs().stream().map(SweepRun::trace).toList());
        System.out.print(CompareReport.render(plan.scenario() + ": " + plan.setting().id() + " = "
                + String.join(", ", plan.values()), c));
        if (result.cancelled()) {
            return StopOnSignals.lastExitCode();
        }
        return result.allComplete() ? PoolScopeCommand.OK : PoolScopeCommand.TASKS_FAILED;
    }

    /** The traces' timelines on one time scale and their statistics side by side, as a compare of runs prints. */
    private int compareFiles() {
        if (source != null || options.vary != null || options.pool != null) {
            throw new BadInput("--trace: compares saved traces; leave out --lesson, --scenario, --vary and --pool");
        }
        if (traces.size() < 2) {
            throw new BadInput("--trace: give two or more traces to compare, got " + traces.size());
        }
        List<RunTrace> read = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Path f : traces) {
            try {
                read.add(AnyTrace.read(f));
            } catch (IOException e) {
                throw new BadInput(e.getMessage());
            }
            labels.add(String.valueOf(f.getFileName()));
        }
        System.out.print(CompareReport.render("traces: " + String.join(", ", labels), new Comparison(labels, read)));
        return PoolScopeCommand.OK;
    }
}

package dev.poolscope.cli;

import dev.poolscope.sweep.CompareReport;
import dev.poolscope.sweep.Comparison;
import dev.poolscope.sweep.SweepPlan;
import dev.poolscope.sweep.SweepResult;
import dev.poolscope.sweep.SweepRun;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "compare", description = "Runs a scenario once per value of one setting (--vary pool=2,4, chunksize=1,4, "
        + "mode=map,imap_unordered, start=together,asap, engine=java,cpython,dask) and prints the runs' timelines on one time scale and their statistics side by side.")
final class CompareCommand implements Callable<Integer> {
    @ArgGroup(exclusive = true, multiplicity = "1")
    ScenarioSource source;

    @Mixin
    SweepOptions options;

    @Override
    public Integer call() throws Exception {
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
}

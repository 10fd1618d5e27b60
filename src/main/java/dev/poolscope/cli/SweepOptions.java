package dev.poolscope.cli;

import dev.poolscope.engine.InvalidConfigException;
import dev.poolscope.engine.PoolService;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.scenario.Scenario;
import dev.poolscope.sweep.Format;
import dev.poolscope.sweep.SweepPlan;
import dev.poolscope.sweep.SweepResult;
import dev.poolscope.sweep.SweepRun;
import dev.poolscope.sweep.SweepRunner;
import dev.poolscope.sweep.SweepSetting;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * What {@code sweep} and {@code compare} share (their mixin): the setting to vary, the pool, and
 * running the plan with progress on stderr and a clean stop on Ctrl+C. The scenario itself is each
 * command's own {@link ScenarioSource} group.
 */
final class SweepOptions {
    @Option(names = "--vary", paramLabel = "SETTING=V1,V2,...",
            description = "the setting to vary and its values: pool, chunksize, mode, start or engine (e.g. chunksize=1,2,4, start=together,asap, engine=java,cpython,dask)")
    String vary;

    @Option(names = "--pool", paramLabel = "N", description = "the pool size while another setting varies")
    Integer pool;

    /**
     * The plan from the options. {@code pools} is the sweep's own --pools list (null for compare),
     * which is the same as --vary pool=...
     */
    SweepPlan plan(ScenarioSource source, String pools, int repeats, boolean defaultPools) {
        Scenario s = source.load();
        SweepSetting setting = SweepSetting.POOL;
        List<String> values = List.of();
        if (vary != null) {
            int eq = vary.indexOf('=');
            setting = SweepSetting.fromId(eq < 0 ? vary : vary.substring(0, eq));
            if (setting == null || eq < 0) {
                throw new BadInput("--vary: expected SETTING=V1,V2,... with SETTING one of " + SweepSetting.ids()
                        + ", got '" + vary + "'");
            }
            values = split(vary.substring(eq + 1));
            if (pools != null) {
                throw new BadInput("--pools and --vary both say what to vary; give one of them");
            }
        } else if (pools != null) {
            values = split(pools);
        } else if (!defaultPools) {
            throw new BadInput("--vary: say what to compare, e.g. --vary pool=2,4");
        }
        if (pool != null && setting == SweepSetting.POOL) {
            throw new BadInput("--pool: fixes the pool while another setting varies; this sweep varies the pool");
        }
        try {
            RunConfig base = pool == null ? s.config() : s.config().toBuilder().pool(pool).build();
            return SweepPlan.of(s.name(), base, setting, values, repeats);
        } catch (InvalidConfigException e) {
            throw new BadInput(e.problems().stream().map(p -> RunCommand.asOption(s.name(), p)).toList());
        } catch (IllegalArgumentException e) {
            throw new BadInput(asOption(e.getMessage(), pools != null));
        }
    }

    /** The plan's problems name the setting ("chunksize: ..."); here that is a value of --vary (or --pools). */
    private static String asOption(String problem, boolean poolsGiven) {
        if (problem.startsWith("repeat: ")) {
            return "--" + problem;
        }
        return poolsGiven ? "--pools: " + problem.replaceFirst("^pool: ", "") : "--vary: " + problem;
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",", -1)).map(String::trim).toList();
    }

    /**
     * Runs the plan with a line of progress per run on stderr. Ctrl+C cancels the sweep as Stop
     * does a run (the run in progress stops, every worker ends) and the command reports the runs
     * that finished; a second Ctrl+C quits at once.
     */
    static SweepResult run(SweepPlan plan) throws InterruptedException {
        SweepRunner runner = new SweepRunner(new PoolService());
        System.err.printf("Running %s: %d runs (%s = %s, %d each)%n", plan.scenario(), plan.runCount(),
                plan.setting().id(), String.join(", ", plan.values()), plan.repeats());
        SweepResult result;
        try (StopOnSignals signals = StopOnSignals.install(runner::cancel)) {
            result = runner.run(plan, new SweepRunner.Listener() {
                @Override
                public void runFinished(SweepRun run, int finished, int total, long msLeft) {
                    System.err.printf("  %d/%d  %s, run %d: makespan %s ms%s; about %d s left%n", finished, total,
                            plan.label(run.valueIndex()), run.repeat() + 1, Format.ms(run.makespanMs()),
                            run.complete() ? "" : " (not counted: " + run.problem() + ")", Math.round(msLeft / 1000.0));
                }
            });
        }
        if (result.cancelled()) {
            System.err.printf("Sweep cancelled after %d of %d runs; no worker is left.%n", result.runs().size(),
                    plan.runCount());
        }
        return result;
    }
}

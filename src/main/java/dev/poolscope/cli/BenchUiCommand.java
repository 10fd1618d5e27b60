package dev.poolscope.cli;

import dev.poolscope.engine.Limits;
import dev.poolscope.ui.Display;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench-ui", description = "Opens the window on a large live run and prints frame render times "
        + "and event-to-frame delays (needs a display; use xvfb-run on a headless machine).")
final class BenchUiCommand implements Callable<Integer> {
    @Option(names = "--workers", paramLabel = "N", defaultValue = "32",
            description = "pool size, 1 to 64 (default: ${DEFAULT-VALUE})")
    int workers;

    @Option(names = "--tasks", paramLabel = "N", defaultValue = "10000",
            description = "short sleeps (0-20 ms) to run, 1 to 100000 (default: ${DEFAULT-VALUE})")
    int tasks;

    @Override
    public Integer call() {
        if (workers < 1 || workers > Limits.MAX_POOL || tasks < 1 || tasks > Limits.MAX_TASKS) {
            System.err.println("poolscope bench-ui: --workers must be between 1 and " + Limits.MAX_POOL
                    + " and --tasks between 1 and " + Limits.MAX_TASKS);
            return PoolScopeCommand.BAD_INPUT;
        }
        String noDisplay = Display.problem();
        if (noDisplay != null) {
            System.err.println("poolscope bench-ui: " + noDisplay);
            return PoolScopeCommand.BAD_INPUT;
        }
        return dev.poolscope.ui.FrameBenchmark.run(workers, tasks, System.out);
    }
}

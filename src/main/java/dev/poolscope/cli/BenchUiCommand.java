package dev.poolscope.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench-ui", description = "Opens the window on a large live run and prints frame render times "
        + "and event-to-frame delays (needs a display; use xvfb-run on a headless machine).")
final class BenchUiCommand implements Callable<Integer> {
    @Option(names = "--workers", defaultValue = "32")
    int workers;

    @Option(names = "--tasks", defaultValue = "10000")
    int tasks;

    @Override
    public Integer call() {
        return dev.poolscope.ui.FrameBenchmark.run(workers, tasks, System.out);
    }
}

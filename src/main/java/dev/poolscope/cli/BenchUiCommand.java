package dev.poolscope.cli;

import dev.poolscope.engine.Limits;
import dev.poolscope.ui.Display;
import dev.poolscope.ui.app.FrameBenchmark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench-ui", description = "Opens the window on a large live run and prints frame render times "
        + "and event-to-frame delays (needs a display; use xvfb-run on a headless machine).")
final class BenchUiCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "32",
            description = "pool size, 1 to 64 (default: ${DEFAULT-VALUE})")
    int workers;

    @Option(names = "--tasks", paramLabel = "N", defaultValue = "10000",
            description = "short sleeps (0-20 ms) to run, 1 to 100000 (default: ${DEFAULT-VALUE})")
    int tasks;

    @Option(names = "--frames-csv", paramLabel = "FILE",
            description = "also write each frame's timings: frame,atMs,fxMs,fxCpuMs,renderCpuMs,screenMs")
    Path framesCsv;

    @Override
    public Integer call() {
        BadInput.unlessBetween("--workers", workers, 1, Limits.MAX_POOL);
        BadInput.unlessBetween("--tasks", tasks, 1, Limits.MAX_TASKS);
        String problem = Display.problem();
        if (problem == null) {
            problem = OutputFiles.problem("--frames-csv", framesCsv);
        }
        if (problem != null) {
            throw new BadInput(problem);
        }
        // Measured as the window runs: in a JVM that compiles with C1 only (see WindowJvm).
        OptionalInt relaunched = WindowJvm.relaunch(UiCommand.originalArgs(spec));
        if (relaunched.isPresent()) {
            return relaunched.getAsInt();
        }
        FrameBenchmark.Outcome outcome = FrameBenchmark.run(workers, tasks,
                WindowJvm.isWindowJvm() ? "C1 only, early (as the window runs)" : "HotSpot's defaults (a debugger is attached)",
                System.out);
        if (framesCsv != null) {
            try {
                Files.writeString(framesCsv, outcome.framesCsv());
                System.err.println("poolscope bench-ui: wrote " + framesCsv);
            } catch (IOException e) {
                System.err.println("poolscope bench-ui: --frames-csv: " + OutputFiles.failure(framesCsv, e));
                return PoolScopeCommand.BAD_INPUT;
            }
        }
        return outcome.exitCode();
    }
}

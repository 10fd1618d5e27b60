package dev.poolscope.cli;

import dev.poolscope.engine.Limits;
import dev.poolscope.engine.Mode;
import dev.poolscope.engine.PoolService;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.RunHandle;
import dev.poolscope.engine.RunListener;
import dev.poolscope.engine.StartPolicy;
import dev.poolscope.engine.TaskKind;
import dev.poolscope.engine.TaskSpec;
import dev.poolscope.sweep.Format;
import dev.poolscope.sweep.Scaling;
import dev.poolscope.trace.RunTrace;
import dev.poolscope.trace.TraceBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The oracle for "workers start together": the same sleeps on the same number of workers with
 * PoolScope (start together, and asap for contrast) and with CPython's own {@code Pool} under
 * fork, round after round in one sitting, and the medians of their task spans side by side.
 */
@Command(name = "bench-start", description = {"Runs the same sleeps on the same pool with PoolScope (workers start "
        + "together, and asap) and with CPython's multiprocessing.Pool (fork), alternating in one sitting, and prints "
        + "the median task span (first task start to last task end) of each.",
        "The target: PoolScope's span within 3 %% of CPython's."})
final class BenchStartCommand implements Callable<Integer> {
    @Option(names = "--rounds", paramLabel = "N", defaultValue = "7", description = "rounds of each, 1 to 100 (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--tasks", paramLabel = "N", defaultValue = "6", description = "sleeps per round, 1 to 1000 (default: ${DEFAULT-VALUE})")
    int tasks;

    @Option(names = "--ms", paramLabel = "MS", defaultValue = "225", description = "each sleep in ms, 1 to 10000 (default: ${DEFAULT-VALUE})")
    int ms;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "3", description = "pool size, 1 to " + Limits.MAX_POOL + " (default: ${DEFAULT-VALUE})")
    int workers;

    @Override
    public Integer call() throws Exception {
        BadInput.unlessBetween("--rounds", rounds, 1, 100);
        BadInput.unlessBetween("--tasks", tasks, 1, 1000);
        BadInput.unlessBetween("--ms", ms, 1, 10_000);
        BadInput.unlessBetween("--workers", workers, 1, Limits.MAX_POOL);
        Path script = script();
        try {
            PoolService service = new PoolService();
            List<Double> together = new ArrayList<>();
            List<Double> asap = new ArrayList<>();
            List<Double> python = new ArrayList<>();
            span(service, StartPolicy.TOGETHER); // warm-up: the first run of a JVM pays for loading classes
            for (int r = 0; r < rounds; r++) {
                together.add(span(service, StartPolicy.TOGETHER));
                asap.add(span(service, StartPolicy.ASAP));
                Double p = python(script);
                if (p != null) {
                    python.add(p);
                }
                System.err.printf("  round %d/%d: together %s, asap %s, CPython %s ms%n", r + 1, rounds,
                        Format.ms(together.get(r)), Format.ms(asap.get(r)), p == null ? "-" : Format.ms(p));
            }
            System.out.printf("%d sleeps of %d ms on %d workers, chunksize 1; median of %d rounds, task span in ms%n",
                    tasks, ms, workers, rounds);
            double t = Scaling.median(together);
            System.out.printf("  PoolScope, workers start together  %10s   (min %s, max %s)%n", Format.ms(t),
                    Format.ms(min(together)), Format.ms(max(together)));
            System.out.printf("  PoolScope, each starts asap        %10s   (min %s, max %s)%n",
                    Format.ms(Scaling.median(asap)), Format.ms(min(asap)), Format.ms(max(asap)));
            if (python.isEmpty()) {
                System.out.println("  CPython Pool (fork)                        -   (python3 not found or it failed)");
                return PoolScopeCommand.OK;
            }
            double py = Scaling.median(python);
            System.out.printf("  CPython Pool (fork)                %10s   (min %s, max %s)%n", Format.ms(py),
                    Format.ms(min(python)), Format.ms(max(python)));
            double diff = (t - py) / py * 100;
            System.out.printf("  together vs CPython: %+.1f %% (target: within 3 %%)%n", diff);
            return PoolScopeCommand.OK;
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private double span(PoolService service, StartPolicy policy) throws InterruptedException {
        RunConfig.Builder b = RunConfig.builder().mode(Mode.MAP).pool(workers).chunksize(1).startPolicy(policy);
        for (int i = 0; i < tasks; i++) {
            b.task(TaskSpec.of("s" + i, TaskKind.SLEEP, ms));
        }
        RunConfig config = b.build();
        RunHandle run = service.start(config, RunListener.NONE);
        if (!run.awaitDone(Duration.ofMinutes(2))) {
            run.stop();
            throw new IllegalStateException("a benchmark run did not finish in 2 minutes");
        }
        RunTrace t = TraceBuilder.of("bench-start", config, run.events());
        return t.makespanMs();
    }

    /** One CPython round; null when python3 is missing or fails. */
    private Double python(Path script) {
        try {
            Process p = new ProcessBuilder("python3", script.toString(), Integer.toString(ms), Integer.toString(tasks),
                    Integer.toString(workers)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            Double span = null;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    String[] parts = line.trim().split(" ");
                    if (parts.length == 2 && parts[0].equals("span")) {
                        span = Double.parseDouble(parts[1]);
                    }
                }
            }
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? span : null;
        } catch (IOException | NumberFormatException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static Path script() throws IOException {
        Path file = Files.createTempFile("poolscope-start-oracle", ".py");
        try (InputStream in = BenchStartCommand.class.getResourceAsStream("python_start_oracle.py")) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    private static double min(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    private static double max(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}

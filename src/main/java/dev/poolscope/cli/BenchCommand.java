package dev.poolscope.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", description = "Measures how soon a pool is ready and how many tiny tasks per second it runs, "
        + "beside CPython's multiprocessing.Pool measured in the same sitting (if python3 is on the PATH).")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--rounds", paramLabel = "N", defaultValue = "5", description = "repetitions, 1 to 1000; medians are printed (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--tasks", paramLabel = "N", defaultValue = "10000", description = "no-op tasks per throughput run, 1 to 100000 (default: ${DEFAULT-VALUE})")
    int tasks;

    @Option(names = "--no-python", description = "skip the CPython figures (also skipped when python3 is missing)")
    boolean noPython;

    @Override
    public Integer call() throws Exception {
        BadInput.unlessBetween("--rounds", rounds, 1, 1000);
        BadInput.unlessBetween("--tasks", tasks, 1, 100_000);
        PoolBenchmark bench = new PoolBenchmark();
        bench.tasksPerSecond(2, 1000); // warm up the engine's JIT, as Python's figure has no JIT to warm
        Map<String, Double> ours = new LinkedHashMap<>();
        for (int size : new int[] {2, 4}) {
            List<Double> values = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                values.add(bench.readyMs(size));
            }
            ours.put("ready" + size, PoolBenchmark.median(values));
        }
        for (int size : new int[] {2, 4}) {
            List<Double> values = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                values.add(bench.tasksPerSecond(size, tasks));
            }
            ours.put("throughput" + size, PoolBenchmark.median(values));
        }
        Map<String, Double> python = noPython ? Map.of() : python();

        System.out.printf("%-52s %12s %12s%n", "median of " + rounds + " rounds", "PoolScope", "Python");
        for (int size : new int[] {2, 4}) {
            row("pool of " + size + " ready (ms; Python: spawn)", ours, python, "ready" + size, "%.1f");
        }
        for (int size : new int[] {2, 4}) {
            row(tasks + " no-op tasks, pool " + size + ", chunksize 1 (tasks/s)", ours, python, "throughput" + size, "%.0f");
        }
        if (!noPython && python.isEmpty()) {
            System.out.println("(Python peer not run: python3 not found or it failed)");
        }
        return PoolScopeCommand.OK;
    }

    private static void row(String label, Map<String, Double> ours, Map<String, Double> python, String key, String fmt) {
        String theirs = python.containsKey(key) ? String.format(fmt, python.get(key)) : "-";
        System.out.printf("%-52s %12s %12s%n", label, String.format(fmt, ours.get(key)), theirs);
    }

    /** Runs the peer script (shipped in the jar) with python3; empty if there is no Python. */
    private Map<String, Double> python() {
        Map<String, Double> figures = new LinkedHashMap<>();
        try (InputStream script = BenchCommand.class.getResourceAsStream("python_pool_bench.py")) {
            Path file = Files.createTempFile("poolscope-bench", ".py");
            try {
                Files.copy(script, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Process p = new ProcessBuilder("python3", file.toString(), Integer.toString(rounds), Integer.toString(tasks))
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        String[] parts = line.trim().split(" ");
                        if (parts.length == 2) {
                            figures.put(parts[0], Double.parseDouble(parts[1]));
                        }
                    }
                }
                if (!p.waitFor(5, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                }
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException | InterruptedException | NumberFormatException e) {
            figures.clear();
        }
        return figures;
    }
}

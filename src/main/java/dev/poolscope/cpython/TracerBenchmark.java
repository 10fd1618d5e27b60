package dev.poolscope.cpython;

import dev.poolscope.engine.RunEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * What the tracer costs per task: the same program, {@code Pool(2).map} of a no-op over N items,
 * run with plain python3 and under PoolScope, timed inside the program around the map call
 * alone (the pool already started), R rounds each, medians compared.
 *
 * <pre>java -cp target/poolscope.jar dev.poolscope.cpython.TracerBenchmark [tasks] [rounds]</pre>
 */
public final class TracerBenchmark {
    static final String PROGRAM = """
            import sys, time
            from multiprocessing import Pool

            def noop(x):
                return x

            if __name__ == "__main__":
                n, chunksize = int(sys.argv[1]), int(sys.argv[2])
                with Pool(2) as pool:
                    pool.map(noop, range(100))  # the workers are up before the clock starts
                    start = time.perf_counter()
                    pool.map(noop, range(n), chunksize=chunksize)
                    print("seconds", time.perf_counter() - start)
            """;

    /** Median seconds of the map call, plain and traced, and the difference per task in microseconds. */
    public record Result(int tasks, int chunksize, double plainSeconds, double tracedSeconds) {
        public double overheadMicrosPerTask() {
            return (tracedSeconds - plainSeconds) / tasks * 1e6;
        }

        public String describe() {
            return String.format(Locale.ROOT, "chunksize %-4d %6d tasks: plain %7.1f ms, traced %7.1f ms, tracer %+6.1f us per task",
                    chunksize, tasks, plainSeconds * 1000, tracedSeconds * 1000, overheadMicrosPerTask());
        }
    }

    private TracerBenchmark() {}

    public static void main(String[] args) throws Exception {
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        PythonInterpreter python;
        try {
            python = PythonInterpreter.find(null);
        } catch (PythonUnavailableException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println("Tracer overhead, " + python.describe() + ", Pool(2).map of a no-op, median of " + rounds + " rounds:");
        for (int chunksize : new int[] {1, 100}) {
            System.out.println("  " + measure(python, tasks, chunksize, rounds).describe());
        }
    }

    public static Result measure(PythonInterpreter python, int tasks, int chunksize, int rounds)
            throws IOException, InterruptedException, PythonUnavailableException {
        Path dir = Files.createTempDirectory("poolscope-bench-");
        Path program = Files.writeString(dir.resolve("overhead.py"), PROGRAM);
        try {
            List<Double> plain = new ArrayList<>();
            List<Double> traced = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                plain.add(plain(python, program, tasks, chunksize));
                traced.add(traced(python, program, tasks, chunksize));
            }
            return new Result(tasks, chunksize, median(plain), median(traced));
        } finally {
            TracerFiles.deleteTree(dir);
        }
    }

    private static double plain(PythonInterpreter python, Path program, int tasks, int chunksize)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder(python.executable().toString(), program.toString(), String.valueOf(tasks),
                String.valueOf(chunksize)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.MINUTES);
        return seconds(out.lines().toList());
    }

    private static double traced(PythonInterpreter python, Path program, int tasks, int chunksize)
            throws IOException, InterruptedException, PythonUnavailableException {
        CPythonRun run = new CPythonService().start(program, List.of(String.valueOf(tasks), String.valueOf(chunksize)),
                CPythonOptions.defaults().withPythonExe(python.executable()), null);
        if (!run.awaitDone(Duration.ofMinutes(10))) {
            run.stop();
            throw new IOException("the traced run did not end");
        }
        List<String> lines = new ArrayList<>();
        for (RunEvent e : run.events()) {
            if (e instanceof RunEvent.OutputLine o && o.pid() == run.mainPid()) {
                lines.add(o.text());
            }
        }
        return seconds(lines);
    }

    private static double seconds(List<String> lines) throws IOException {
        for (String line : lines) {
            if (line.startsWith("seconds ")) {
                return Double.parseDouble(line.substring(8).trim());
            }
        }
        throw new IOException("the benchmark program did not report its time: " + lines);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}

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
 * What the tracer costs the program it traces, measured inside the program, plain python3 and
 * under PoolScope in turn, in one sitting: a {@code Process} start + join of a no-op target, and
 * a {@code Pool(2).map} item of a no-op at chunksize 1 and 100 (the pool already started). Each
 * round runs the program once plain and once traced; medians over the rounds are compared
 * against the targets (at most {@link #PROCESS_TARGET_MS} ms added per Process, at most
 * {@link #ITEM_TARGET_RATIO} times plain per item at chunksize 1).
 *
 * <pre>java -cp target/poolscope.jar dev.poolscope.cpython.TracerBenchmark [items] [rounds] [python]</pre>
 */
public final class TracerBenchmark {
    static final double PROCESS_TARGET_MS = 1.0;
    static final double ITEM_TARGET_RATIO = 1.5;
    static final String PROGRAM = """
            import statistics, sys, time
            from multiprocessing import Pool, Process

            def noop(x=None):
                return x

            if __name__ == "__main__":
                n, processes = int(sys.argv[1]), int(sys.argv[2])
                noop_process = Process(target=noop)
                noop_process.start()  # the first fork pays for imports: not counted
                noop_process.join()
                took = []
                for _ in range(processes):
                    start = time.perf_counter()
                    p = Process(target=noop)
                    p.start()
                    p.join()
                    took.append(time.perf_counter() - start)
                print("process", statistics.median(took))
                with Pool(2) as pool:
                    pool.map(noop, range(100))  # the workers are up before the clock starts
                    for chunksize in (1, 100):
                        start = time.perf_counter()
                        pool.map(noop, range(n), chunksize=chunksize)
                        print("chunksize%d" % chunksize, (time.perf_counter() - start) / n)
            """;
    private static final int PROCESSES = 20;

    /** Medians in seconds: a Process start + join, and a map item at chunksize 1 and 100; plain and traced. */
    public record Result(int items, double[] plain, double[] traced) {
        public double processAddedMs() {
            return (traced[0] - plain[0]) * 1000;
        }

        public double itemRatio() {
            return traced[1] / plain[1];
        }

        public boolean targetsMet() {
            return processAddedMs() <= PROCESS_TARGET_MS && itemRatio() <= ITEM_TARGET_RATIO;
        }

        public String describe() {
            return String.format(Locale.ROOT, """
                      Process start+join (no-op target): plain %6.2f ms, traced %6.2f ms, added %+.2f ms (target <= %.1f ms)
                      Pool.map item, chunksize 1:        plain %6.1f us, traced %6.1f us, %.2fx plain (target <= %.1fx)
                      Pool.map item, chunksize 100:      plain %6.1f us, traced %6.1f us, %.2fx plain
                      %s""",
                    plain[0] * 1000, traced[0] * 1000, processAddedMs(), PROCESS_TARGET_MS,
                    plain[1] * 1e6, traced[1] * 1e6, itemRatio(), ITEM_TARGET_RATIO,
                    plain[2] * 1e6, traced[2] * 1e6, traced[2] / plain[2], targetsMet() ? "targets met" : "targets NOT met");
        }
    }

    private TracerBenchmark() {}

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        PythonInterpreter python;
        try {
            python = PythonInterpreter.find(args.length > 2 ? Path.of(args[2]) : null);
        } catch (PythonUnavailableException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println("Tracer cost, " + python.describe() + ", measured inside the program, median of " + rounds
                + " rounds (each: plain, then traced), " + items + " items, " + PROCESSES + " Processes per round:");
        Result r = measure(python, items, rounds);
        System.out.println(r.describe());
        System.exit(r.targetsMet() ? 0 : 1);
    }

    public static Result measure(PythonInterpreter python, int items, int rounds)
            throws IOException, InterruptedException, PythonUnavailableException {
        Path dir = Files.createTempDirectory("poolscope-bench-");
        Path program = Files.writeString(dir.resolve("overhead.py"), PROGRAM);
        try {
            List<double[]> plain = new ArrayList<>();
            List<double[]> traced = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                plain.add(plain(python, program, items));
                traced.add(traced(python, program, items));
            }
            return new Result(items, medians(plain), medians(traced));
        } finally {
            TracerFiles.deleteTree(dir);
        }
    }

    private static double[] plain(PythonInterpreter python, Path program, int items)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder(python.executable().toString(), program.toString(), String.valueOf(items),
                String.valueOf(PROCESSES)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.MINUTES);
        return figures(out.lines().toList());
    }

    private static double[] traced(PythonInterpreter python, Path program, int items)
            throws IOException, InterruptedException, PythonUnavailableException {
        CPythonRun run = new CPythonService().start(program, List.of(String.valueOf(items), String.valueOf(PROCESSES)),
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
        return figures(lines);
    }

    /** The program's three figures: process, chunksize1, chunksize100 (seconds). */
    private static double[] figures(List<String> lines) throws IOException {
        double[] out = new double[3];
        String[] names = {"process ", "chunksize1 ", "chunksize100 "};
        for (int i = 0; i < 3; i++) {
            boolean found = false;
            for (String line : lines) {
                if (line.startsWith(names[i])) {
                    out[i] = Double.parseDouble(line.substring(names[i].length()).trim());
                    found = true;
                }
            }
            if (!found) {
                throw new IOException("the benchmark program did not report " + names[i].trim() + ": " + lines);
            }
        }
        return out;
    }

    private static double[] medians(List<double[]> rounds) {
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            List<Double> values = new ArrayList<>();
            for (double[] r : rounds) {
                values.add(r[i]);
            }
            Collections.sort(values);
            out[i] = values.get(values.size() / 2);
        }
        return out;
    }
}

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
 * <pre>java -cp target/poolscope.jar dev.poolscope.cpython.TracerBenchmark [items] [rounds] [python...]</pre>
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
    private static final int PROCESSES = 40;
    /**
     * Rounds run first and not counted: the interpreter's files come from disk, and PoolScope's
     * JVM compiles its reading code (C2 takes up to a core for several runs). At least
     * {@link #MIN_WARM_UP} of them, then until the JIT compiler worked less than
     * {@link #QUIET_JIT_MS} ms during each of two traced runs in a row, at most {@link #MAX_WARM_UP}.
     */
    private static final int MIN_WARM_UP = 2;
    private static final int MAX_WARM_UP = 16;
    private static final long QUIET_JIT_MS = 15;

    /** Medians in seconds: a Process start + join, and a map item at chunksize 1 and 100; plain and traced. */
    public record Result(int items, double[] plain, double[] traced, int warmUpRounds, long lastWarmUpJitMs) {
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

        /** One row of the table the benchmark ends with (Markdown, as docs/performance.md has it). */
        public String row(String interpreter) {
            return String.format(Locale.ROOT, "| %s | %.2f -> %.2f ms (%+.2f ms) | %.1f -> %.1f us (%.2fx) | %.1f -> %.1f us |",
                    interpreter, plain[0] * 1000, traced[0] * 1000, processAddedMs(), plain[1] * 1e6, traced[1] * 1e6,
                    itemRatio(), plain[2] * 1e6, traced[2] * 1e6);
        }
    }

    private TracerBenchmark() {}

    /**
     * {@code [items] [rounds] [python...]}: each interpreter named, or with none, {@code python3}
     * on PATH and {@code /usr/bin/python3} (once if they are the same interpreter). Exits 0 only
     * when both targets hold for every interpreter measured.
     */
    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<PythonInterpreter> pythons = new ArrayList<>();
        try {
            if (args.length > 2) {
                for (int i = 2; i < args.length; i++) {
                    pythons.add(PythonInterpreter.find(Path.of(args[i])));
                }
            } else {
                pythons.add(PythonInterpreter.find(null));
                Path system = Path.of("/usr/bin/python3");
                if (Files.isExecutable(system) && !sameInterpreter(pythons.get(0).executable(), system)) {
                    pythons.add(PythonInterpreter.find(system));
                }
            }
        } catch (PythonUnavailableException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println("Tracer cost, measured inside the program; per interpreter the median of " + rounds
                + " rounds (each: plain, then traced; rounds before them warm up and are not counted), "
                + items + " map items, " + PROCESSES + " Processes per round. Load average before: " + loadAverage());
        boolean all = true;
        List<String> rows = new ArrayList<>();
        for (PythonInterpreter python : pythons) {
            Result r = measure(python, items, rounds);
            System.out.println(python.describe() + " (after " + r.warmUpRounds() + " warm-up rounds; JIT "
                    + r.lastWarmUpJitMs() + " ms in the last):");
            System.out.println(r.describe());
            rows.add(r.row(python.describe()));
            all &= r.targetsMet();
        }
        System.out.println();
        System.out.println("| interpreter | Process start+join, plain -> traced | Pool.map item, chunksize 1 | chunksize 100 |");
        System.out.println("|---|---|---|---|");
        rows.forEach(System.out::println);
        System.out.println("Load average after: " + loadAverage() + " (" + Runtime.getRuntime().availableProcessors()
                + " CPUs). " + (all ? "Both targets met for every interpreter." : "Targets NOT met."));
        System.exit(all ? 0 : 1);
    }

    /** How long the JVM's JIT compilers have worked so far (ms; 0 where the JVM does not say). */
    private static long jitMs() {
        java.lang.management.CompilationMXBean c = java.lang.management.ManagementFactory.getCompilationMXBean();
        return c != null && c.isCompilationTimeMonitoringSupported() ? c.getTotalCompilationTime() : 0;
    }

    private static boolean sameInterpreter(Path a, Path b) {
        try {
            return a.toRealPath().equals(b.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    /** The 1, 5 and 15 minute load averages, from /proc/loadavg ("?" where there is none). */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    public static Result measure(PythonInterpreter python, int items, int rounds)
            throws IOException, InterruptedException, PythonUnavailableException {
        Path dir = Files.createTempDirectory("poolscope-bench-");
        Path program = Files.writeString(dir.resolve("overhead.py"), PROGRAM);
        try {
            int warmUp = 0;
            int quiet = 0;
            long jit = Long.MAX_VALUE;
            while (warmUp < MIN_WARM_UP || (quiet < 2 && warmUp < MAX_WARM_UP)) {
                plain(python, program, items);
                long before = jitMs();
                traced(python, program, items);
                jit = jitMs() - before;
                quiet = jit < QUIET_JIT_MS ? quiet + 1 : 0;
                warmUp++;
            }
            List<double[]> plain = new ArrayList<>();
            List<double[]> traced = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                plain.add(plain(python, program, items));
                traced.add(traced(python, program, items));
            }
            return new Result(items, medians(plain), medians(traced), warmUp, jit);
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

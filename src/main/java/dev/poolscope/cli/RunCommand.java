package dev.poolscope.cli;

import dev.poolscope.cpython.CPythonOptions;
import dev.poolscope.dask.DaskOptions;
import dev.poolscope.engine.InvalidConfigException;
import dev.poolscope.engine.Mode;
import dev.poolscope.engine.PoolService;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.RunDeadline;
import dev.poolscope.engine.RunHandle;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.RunListener;
import dev.poolscope.os.OsSampler;
import dev.poolscope.engine.StartPolicy;
import dev.poolscope.scenario.Lessons;
import dev.poolscope.scenario.Scenario;
import dev.poolscope.scenario.ScenarioException;
import dev.poolscope.scenario.ScenarioFiles;
import dev.poolscope.trace.ChromeTrace;
import dev.poolscope.trace.RunTrace;
import dev.poolscope.trace.TaskRecord;
import dev.poolscope.trace.TextReport;
import dev.poolscope.trace.TraceBuilder;
import dev.poolscope.trace.TraceCsv;
import dev.poolscope.trace.TraceJson;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", description = "Runs a lesson or scenario file on real worker processes, or a Python program on CPython, and prints what happened.")
final class RunCommand implements Callable<Integer> {
    static final class Source {
        @Option(names = "--lesson", paramLabel = "NAME", description = "a built-in lesson (see 'poolscope lessons')")
        String lesson;

        @Option(names = "--scenario", paramLabel = "FILE", description = "a scenario JSON file")
        Path scenario;

        @Option(names = "--python", paramLabel = "FILE", description = "a Python program to run on CPython and watch,"
                + " as running it in a terminal would (stdin closed; its exit code is the command's)")
        Path python;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--pool", paramLabel = "N", description = "pool size (default: the scenario's, else the CPU count)")
    Integer pool;

    @Option(names = "--mode", paramLabel = "M", description = "map, imap, imap_unordered, apply_async or process")
    String mode;

    @Option(names = "--chunksize", paramLabel = "N", description = "tasks handed to a worker as one unit (default: as Pool.map computes it)")
    Integer chunksize;

    @Option(names = "--max-tasks-per-child", paramLabel = "N", description = "a worker retires after N chunks and a new process takes its lane")
    Integer maxTasksPerChild;

    @Option(names = "--timeout", paramLabel = "MS", description = "time limit per task; a task past it is killed and marked timeout")
    Long timeoutMs;

    @Option(names = "--start", paramLabel = "WHEN", description = "together (default: the first chunks go out once every worker is ready)"
            + " or asap (each worker starts as soon as it is ready)")
    String start;

    @Option(names = "--engine", paramLabel = "E", description = "java (PoolScope's workers, the default), cpython"
            + " (the scenario as a Python program on CPython's own multiprocessing) or dask (its tasks on a Dask cluster,"
            + " one worker per pool slot)")
    String engine;

    @Option(names = "--scheduler", paramLabel = "tcp://HOST:PORT", description = "Dask only: run on this existing"
            + " cluster (its workers are the lanes; PoolScope leaves it running) instead of a local one")
    String scheduler;

    @Option(names = "--python-exe", paramLabel = "PATH", description = "the Python interpreter (default: python3 on PATH; 3.8 or newer)")
    Path pythonExe;

    @Option(names = "--start-method", paramLabel = "M", description = "CPython only: fork, spawn or forkserver as"
            + " multiprocessing's default (a program's own set_start_method still wins)")
    String startMethod;

    @Option(names = "--deadline", paramLabel = "MS", description = "stop a run still going after MS ms, any engine (exit 1);"
            + " unlike --timeout it ends a Pool waiting forever")
    Long deadlineMs;

    @Parameters(paramLabel = "ARGS", description = "after --: the Python program's own arguments")
    List<String> programArgs = new ArrayList<>();

    @Option(names = "--trace", paramLabel = "FILE", description = "write the run as trace JSON")
    Path trace;

    @Option(names = "--csv", paramLabel = "FILE", description = "write one CSV row per task")
    Path csv;

    @Option(names = "--chrome-trace", paramLabel = "FILE", description = "write Chrome Trace Event JSON (Perfetto, chrome://tracing)")
    Path chromeTrace;

    @Option(names = "--samples-csv", paramLabel = "FILE", description = "write the workers' OS samples (CPU %%, state, memory), one CSV row each")
    Path samplesCsv;

    @Option(names = "--png", paramLabel = "FILE", description = "draw the finished run's timeline as a PNG (no display needed)")
    Path png;

    @Option(names = "--width", paramLabel = "W", defaultValue = "1200", description = "the PNG's width (default ${DEFAULT-VALUE})")
    int pngWidth;

    @Option(names = "--height", paramLabel = "H", defaultValue = "520", description = "the PNG's height (default ${DEFAULT-VALUE})")
    int pngHeight;

    @Override
    public Integer call() throws Exception {
        String optionProblem = cpythonProblem();
        if (optionProblem != null) {
            System.err.println("poolscope run: " + optionProblem);
            return PoolScopeCommand.BAD_INPUT;
        }
        if (source.python != null) {
            return outputProblem() ? PoolScopeCommand.BAD_INPUT
                    : CPythonRunner.program(source.python, programArgs, cpythonOptions(), outputPaths());
        }
        Scenario scenario;
        RunConfig config;
        try {
            scenario = source.lesson != null ? Lessons.load(source.lesson) : ScenarioFiles.read(source.scenario);
            config = withOverrides(scenario.config());
        } catch (ScenarioException e) {
            e.problems().forEach(System.err::println);
            return PoolScopeCommand.BAD_INPUT;
        } catch (InvalidConfigException e) {
            e.problems().forEach(p -> System.err.println("command line: " + p));
            return PoolScopeCommand.BAD_INPUT;
        }

        for (String problem : new String[] {OutputFiles.problem("--trace", trace), OutputFiles.problem("--csv", csv),
                OutputFiles.problem("--chrome-trace", chromeTrace), OutputFiles.problem("--samples-csv", samplesCsv),
                RenderCommand.pngProblem(png, pngWidth, pngHeight)}) {
            if (problem != null) {
                System.err.println("poolscope run: " + problem);
                return PoolScopeCommand.BAD_INPUT;
            }
        }

        if ("cpython".equals(engine)) {
            return CPythonRunner.scenario(scenario.name(), config, cpythonOptions(), outputPaths());
        }
        if ("dask".equals(engine)) {
            return DaskRunner.scenario(scenario.name(), config, new DaskOptions(pythonExe, scheduler, 1, deadlineMs),
                    outputPaths());
        }
        System.err.printf("Running %s: %s, %d worker(s), %d task(s)...%n", scenario.name(), config.mode().id(),
                config.slots(), config.tasks().size());
        // The OS view of each worker, 10 times a second, on the sampler's own thread.
        List<RunEvent> samples = Collections.synchronizedList(new ArrayList<>());
        OsSampler os = new OsSampler(samples::add);
        StopOnSignals.Stop stoppedBy;
        boolean deadlineHit;
        RunHandle run;
        // A task's time limit (--timeout) bounds each task, --deadline the whole run, Ctrl+C (or SIGTERM, SIGHUP) stops it.
        try (StopOnSignals signals = StopOnSignals.install()) {
            run = new PoolService().start(config, os.tap(RunListener.NONE));
            signals.attach(run::stop);
            os.start(run.startNanos());
            try (RunDeadline deadline = RunDeadline.arm(run, deadlineMs)) {
                run.awaitDone(Duration.ofDays(365));
                deadlineHit = deadline.hit();
            }
            stoppedBy = signals.signal();
        }
        os.close();
        List<RunEvent> all = new ArrayList<>(run.events());
        synchronized (samples) {
            all.addAll(samples); // after the events: samples join their process by PID
        }
        RunTrace result = TraceBuilder.of(scenario.name(), config, all);
        System.out.print(TextReport.render(result));
        if (!writeFiles(result) || (png != null && !RenderCommand.writePng(result, scenario.name(), png, pngWidth, pngHeight))) {
            return PoolScopeCommand.BAD_INPUT;
        }
        if (stoppedBy != null) {
            long done = result.tasks().stream().filter(t -> !"cancelled".equals(t.status())).count();
            System.err.printf("Stopped by %s: %d of %d task(s) had finished, the rest are marked cancelled.%n",
                    stoppedBy.said, done, result.tasks().size());
            return stoppedBy.exitCode();
        }
        if (deadlineHit) {
            System.err.printf("Stopped at the deadline of %d ms: the unfinished tasks are marked cancelled.%n", deadlineMs);
            return PoolScopeCommand.TASKS_FAILED;
        }
        return allOk(result.tasks()) ? PoolScopeCommand.OK : PoolScopeCommand.TASKS_FAILED;
    }

    /** What is wrong with the CPython options given, in one line, or null. */
    private String cpythonProblem() {
        if (engine != null && !engine.equals("java") && !engine.equals("cpython") && !engine.equals("dask")) {
            return "--engine: must be java, cpython or dask, got " + engine;
        }
        if (scheduler != null && !"dask".equals(engine)) {
            return "--scheduler: only with --engine dask";
        }
        if (DaskOptions.schedulerProblem(scheduler) != null) {
            return DaskOptions.schedulerProblem(scheduler);
        }
        if (source.python != null && "dask".equals(engine)) {
            return "--python runs a program on CPython: leave out --engine dask";
        }
        if (source.python != null && "java".equals(engine)) {
            return "--python runs on CPython: leave out --engine java";
        }
        if (deadlineMs != null && deadlineMs < 1) {
            return "--deadline: must be at least 1 ms, got " + deadlineMs;
        }
        if (startMethod != null && !CPythonOptions.START_METHODS.contains(startMethod)) {
            return "--start-method: must be fork, spawn or forkserver, got " + startMethod;
        }
        boolean onCPython = source.python != null || "cpython".equals(engine);
        if (startMethod != null && !onCPython) {
            return "--start-method: only with --python or --engine cpython";
        }
        if (pythonExe != null && !onCPython && !"dask".equals(engine)) {
            return "--python-exe: only with --python, --engine cpython or --engine dask";
        }
        if (source.python == null && !programArgs.isEmpty()) {
            return "program arguments (" + String.join(" ", programArgs) + ") are only for --python FILE";
        }
        return null;
    }

    private CPythonOptions cpythonOptions() {
        return new CPythonOptions(pythonExe, deadlineMs, startMethod);
    }

    private CPythonRunner.OutputPaths outputPaths() {
        return new CPythonRunner.OutputPaths(trace, csv, chromeTrace, samplesCsv);
    }

    /** Prints the problem with an output file asked for, if any (checked before a run starts). */
    private boolean outputProblem() {
        for (String problem : new String[] {OutputFiles.problem("--trace", trace), OutputFiles.problem("--csv", csv),
                OutputFiles.problem("--chrome-trace", chromeTrace), OutputFiles.problem("--samples-csv", samplesCsv)}) {
            if (problem != null) {
                System.err.println("poolscope run: " + problem);
                return true;
            }
        }
        return false;
    }

    private RunConfig withOverrides(RunConfig base) {
        RunConfig.Builder b = base.toBuilder();
        if (mode != null) {
            Mode m = Mode.fromId(mode);
            if (m == null) {
                throw new InvalidConfigException(List.of("mode: must be one of " + Mode.ids() + ", got " + mode));
            }
            b.mode(m);
        }
        if (pool != null) {
            b.pool(pool);
        }
        if (chunksize != null) {
            b.chunksize(chunksize);
        }
        if (maxTasksPerChild != null) {
            b.maxTasksPerChild(maxTasksPerChild);
        }
        if (timeoutMs != null) {
            b.timeoutMs(timeoutMs);
        }
        if (start != null) {
            StartPolicy p = StartPolicy.fromId(start);
            if (p == null) {
                throw new InvalidConfigException(List.of("start: must be together or asap, got " + start));
            }
            b.startPolicy(p);
        }
        return b.build();
    }

    private boolean writeFiles(RunTrace result) {
        Path writing = null;
        try {
            if (trace != null) {
                writing = trace;
                TraceJson.write(result, trace);
                wrote("trace", trace);
            }
            if (csv != null) {
                writing = csv;
                TraceCsv.write(result, csv);
                wrote("CSV", csv);
            }
            if (chromeTrace != null) {
                writing = chromeTrace;
                ChromeTrace.write(result, chromeTrace);
                wrote("Chrome trace", chromeTrace);
            }
            if (samplesCsv != null) {
                writing = samplesCsv;
                TraceCsv.writeSamples(result, samplesCsv);
                wrote("OS samples CSV", samplesCsv);
            }
            return true;
        } catch (IOException e) {
            System.err.println("poolscope run: " + OutputFiles.failure(writing, e));
            return false;
        }
    }

    /** On stderr, so the report on stdout stays clean when it is piped. */
    private static void wrote(String what, Path file) {
        System.err.println("wrote " + what + " to " + file);
    }

    private static boolean allOk(List<TaskRecord> tasks) {
        return tasks.stream().allMatch(t -> "ok".equals(t.status()));
    }
}

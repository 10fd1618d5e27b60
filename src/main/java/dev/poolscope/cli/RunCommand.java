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
import dev.poolscope.supervisor.ProcessLimit;
import dev.poolscope.supervisor.Tools;
import dev.poolscope.engine.StartPolicy;
import dev.poolscope.scenario.Scenario;
import dev.poolscope.trace.RunTrace;
import dev.poolscope.trace.TaskRecord;
import dev.poolscope.trace.TextReport;
import dev.poolscope.trace.TraceBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", description = "Runs a lesson or scenario file on real worker processes, or a Python program on CPython, and prints what happened.")
final class RunCommand implements Callable<Integer> {
    /** A lesson, a scenario file, or a Python program. */
    static final class Source extends ScenarioSource {
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

    @Mixin
    RunFiles files;

    @Option(names = "--png", paramLabel = "FILE", description = "draw the finished run's timeline as a PNG (no display needed)")
    Path png;

    @Mixin
    PictureSize pngSize;

    @Override
    public Integer call() throws Exception {
        checkEngineOptions();
        // What this machine's missing tools cost the run (none on a usual Linux), before it starts.
        Tools.system().losses(Tools.Tool.SETSID, Tools.Tool.SETPRIV, Tools.Tool.ENV, Tools.Tool.KILL).forEach(loss -> System.err.println("poolscope run: note: " + loss + "."));
        if (source.python != null) {
            files.check();
            return CPythonRunner.program(source.python, programArgs, cpythonOptions(), files);
        }
        if (source.lesson != null && dev.poolscope.cpython.PythonLessons.isProgram(source.lesson)) {
            // A lesson that is a Python program (threads against processes): run as --python would run it.
            files.check();
            return CPythonRunner.program(dev.poolscope.cpython.PythonLessons.extract(source.lesson), programArgs,
                    cpythonOptions(), files);
        }
        Scenario scenario = source.load();
        RunConfig config = withOverrides(scenario.name(), scenario.config());
        files.check();
        String pngProblem = RenderCommand.pngProblem(png, pngSize.width, pngSize.height);
        if (pngProblem != null) {
            throw new BadInput(pngProblem);
        }

        if ("cpython".equals(engine)) {
            return CPythonRunner.scenario(scenario.name(), config, cpythonOptions(), files);
        }
        if ("dask".equals(engine)) {
            return DaskRunner.scenario(scenario.name(), config, new DaskOptions(pythonExe, scheduler, 1, deadlineMs), files);
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
        List<RunEvent> sampled;
        synchronized (samples) {
            sampled = List.copyOf(samples);
        }
        RunTrace result = TraceBuilder.of(scenario.name(), run.info(), config, run.events(), sampled);
        System.out.print(TextReport.render(result));
        if (run.events().stream().anyMatch(e -> e instanceof RunEvent.WorkerExited x && x.detail() != null
                && x.detail().contains(ProcessLimit.REACHED))) {
            System.err.println("poolscope run: " + ProcessLimit.describe() + " while starting " + config.slots()
                    + " workers: the run went on with those that started (a smaller --pool, or a higher ulimit -u, avoids it).");
        }
        files.write(result, null);
        if (png != null && !RenderCommand.writePng(result, scenario.name(), png, pngSize.width, pngSize.height)) {
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

    /** Refuses engine options that do not fit together or with the engine. */
    private void checkEngineOptions() {
        if (engine != null && !engine.equals("java") && !engine.equals("cpython") && !engine.equals("dask")) {
            throw new BadInput("--engine: must be java, cpython or dask, got " + engine);
        }
        if (scheduler != null && !"dask".equals(engine)) {
            throw new BadInput("--scheduler: only with --engine dask");
        }
        if (DaskOptions.schedulerProblem(scheduler) != null) {
            throw new BadInput(DaskOptions.schedulerProblem(scheduler));
        }
        if (source.python != null && "dask".equals(engine)) {
            throw new BadInput("--engine dask: --python runs a program on CPython; leave out --engine dask");
        }
        if (source.python != null && "java".equals(engine)) {
            throw new BadInput("--engine java: --python runs on CPython; leave out --engine java");
        }
        if (deadlineMs != null && deadlineMs < 1) {
            throw new BadInput("--deadline: must be at least 1 ms, got " + deadlineMs);
        }
        if (startMethod != null && !CPythonOptions.START_METHODS.contains(startMethod)) {
            throw new BadInput("--start-method: must be fork, spawn or forkserver, got " + startMethod);
        }
        // A lesson that is a Python program (threads against processes) runs as --python does.
        boolean pythonLesson = source.lesson != null && dev.poolscope.cpython.PythonLessons.isProgram(source.lesson);
        boolean onCPython = source.python != null || pythonLesson || "cpython".equals(engine);
        if (startMethod != null && !onCPython) {
            throw new BadInput("--start-method: only with --python FILE or --engine cpython");
        }
        if (pythonExe != null && !onCPython && !"dask".equals(engine)) {
            throw new BadInput("--python-exe: only with --python FILE, --engine cpython or --engine dask");
        }
        if (source.python == null && !pythonLesson && !programArgs.isEmpty()) {
            throw new BadInput("'" + String.join(" ", programArgs) + "': program arguments are only for --python FILE"
                    + " (after --)");
        }
    }

    private CPythonOptions cpythonOptions() {
        return new CPythonOptions(pythonExe, deadlineMs, startMethod);
    }

    /** The scenario's configuration with the command line's settings; a bad one names its option. */
    private RunConfig withOverrides(String scenarioName, RunConfig base) {
        RunConfig.Builder b = base.toBuilder();
        if (mode != null) {
            Mode m = Mode.fromId(mode);
            if (m == null) {
                throw new BadInput("--mode: must be one of " + Mode.ids() + ", got " + mode);
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
                throw new BadInput("--start: must be together or asap, got " + start);
            }
            b.startPolicy(p);
        }
        try {
            return b.build();
        } catch (InvalidConfigException e) {
            throw new BadInput(e.problems().stream().map(p -> asOption(scenarioName, p)).toList());
        }
    }

    /** The engine names a setting as the scenario file does ("maxTasksPerChild: ..."); here it is an option. */
    static String asOption(String scenarioName, String problem) {
        String[][] fieldToOption = {{"pool", "--pool"}, {"chunksize", "--chunksize"},
                {"maxTasksPerChild", "--max-tasks-per-child"}, {"timeoutMs", "--timeout"}};
        for (String[] f : fieldToOption) {
            if (problem.startsWith(f[0] + ": ")) {
                return f[1] + problem.substring(f[0].length());
            }
        }
        return scenarioName + ": " + problem;
    }

    private static boolean allOk(List<TaskRecord> tasks) {
        return tasks.stream().allMatch(t -> "ok".equals(t.status()));
    }
}

package dev.poolscope.cli;

import dev.poolscope.cpython.CPythonOptions;
import dev.poolscope.cpython.CPythonReport;
import dev.poolscope.cpython.CPythonRun;
import dev.poolscope.cpython.CPythonService;
import dev.poolscope.cpython.CPythonTrace;
import dev.poolscope.cpython.FailedProgramReport;
import dev.poolscope.cpython.PythonUnavailableException;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.RunListener;
import dev.poolscope.engine.TaskKind;
import dev.poolscope.os.OsSampler;
import dev.poolscope.trace.RunTrace;
import dev.poolscope.trace.TextReport;
import dev.poolscope.trace.TraceJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The run command on the CPython engine: a user's Python program ({@code run --python FILE}) or a
 * scenario on CPython's own Pool ({@code run --engine cpython}). Same report and files as any
 * run, plus the program, its main process and the notices; the trace says "engine": "cpython"
 * and the main PID.
 */
final class CPythonRunner {
    private CPythonRunner() {}

    static int program(Path program, List<String> args, CPythonOptions options, RunFiles files) throws Exception {
        if (Files.isDirectory(program) && !CPythonService.isProgram(program)) {
            throw new BadInput("--python: " + program + " is a folder without __main__.py (python3 runs a folder's __main__.py)");
        }
        if (!CPythonService.isProgram(program)) {
            throw new BadInput("--python: no such file: " + program);
        }
        return run(null, null, program, args, options, files);
    }

    static int scenario(String name, RunConfig config, CPythonOptions options, RunFiles files) throws Exception {
        if (options.deadlineMs() == null && config.mode().usesPool()
                && config.tasks().stream().anyMatch(t -> t.kind() == TaskKind.CRASH)) {
            // CPython's Pool never returns once a worker dies with a task: a deadline ends the run.
            long ms = 30_000 + config.tasks().stream().mapToLong(t -> t.ms()).sum();
            options = options.withDeadlineMs(ms);
            System.err.printf("A crash task on CPython's Pool makes the call wait forever: the run stops after %d ms"
                    + " (set --deadline to choose).%n", ms);
        }
        return run(name, config, null, List.of(), options, files);
    }

    private static int run(String name, RunConfig config, Path program, List<String> args, CPythonOptions options,
                           RunFiles files) throws Exception {
        List<RunEvent> samples = Collections.synchronizedList(new ArrayList<>());
        OsSampler os = new OsSampler(samples::add);
        CPythonRun run;
        StopOnSignals.Stop stoppedBy;
        try (StopOnSignals signals = StopOnSignals.install()) {
            try {
                RunListener listener = os.tap(RunListener.NONE);
                run = program != null ? new CPythonService().start(program, args, options, listener)
                        : new CPythonService().startScenario(name, config, options, listener);
            } catch (PythonUnavailableException e) {
                throw new BadInput(pythonOption(options, program != null ? "--python" : "--engine cpython") + ": "
                        + e.getMessage().replaceFirst("\\.$", ""));
            } catch (IOException e) {
                throw new BadInput((program != null ? "--python" : "--engine cpython") + ": cannot start Python: "
                        + PoolScopeCommand.oneLine(e));
            }
            signals.attach(run::stop);
            os.start(run.startNanos());
            System.err.printf("Running %s with %s%s...%n", program != null ? program : name + " on CPython's Pool",
                    run.interpreter().describe(), options.deadlineMs() != null ? ", deadline " + options.deadlineMs() + " ms" : "");
            run.awaitDone(Duration.ofDays(365));
            stoppedBy = signals.signal();
        }
        os.close();
        List<RunEvent> sampled;
        synchronized (samples) {
            sampled = List.copyOf(samples);
        }
        RunTrace result = CPythonTrace.of(run, sampled);
        if (FailedProgramReport.applies(run)) {
            // One line that says what failed where, before the traceback; no pool is claimed.
            if (FailedProgramReport.oneLine(run) != null) {
                System.err.println(FailedProgramReport.oneLine(run));
            }
            System.out.print(FailedProgramReport.render(run));
        } else {
            System.out.print(TextReport.render(result));
            System.out.print(CPythonReport.render(run));
        }
        RunEvent.OutputTruncated cut = TextReport.outputLeftOut(run.events());
        if (cut != null) {
            System.err.println("poolscope run: note: " + TextReport.leftOutText(cut).replace(" left out here:",
                    " left out of the report and the trace:"));
        }
        files.write(result, new TraceJson.Origin("cpython", run.mainPid()));
        if (stoppedBy != null) {
            System.err.println("Stopped by " + stoppedBy.said + ": the program and all its processes were ended.");
            return stoppedBy.exitCode();
        }
        if (run.deadlineHit()) {
            System.err.printf("Stopped at the deadline of %d ms: the program was still running.%n", options.deadlineMs());
            return PoolScopeCommand.TASKS_FAILED;
        }
        if (program != null) {
            return run.exitStatus(); // the program's own exit code, as in a terminal
        }
        return result.tasks().stream().allMatch(t -> "ok".equals(t.status())) && run.exitStatus() == 0
                ? PoolScopeCommand.OK : PoolScopeCommand.TASKS_FAILED;
    }

    /** The option a missing or unusable interpreter is about: the one asked for, or what needed python3 from the PATH. */
    static String pythonOption(CPythonOptions options, String needsPython) {
        return options.pythonExe() != null ? "--python-exe" : needsPython;
    }
}

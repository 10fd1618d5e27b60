package dev.poolscope.cpython;

import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.RunListener;
import dev.poolscope.supervisor.Supervisor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The CPython engine: runs a Python program, or a scenario as the Python program it stands for,
 * on the real interpreter and its own {@code multiprocessing}, and reports it as engine events.
 *
 * <pre>{@code
 * CPythonRun run = new CPythonService().start(Path.of("work_log.py"), List.of(), CPythonOptions.defaults(), listener);
 * run.awaitDone(Duration.ofMinutes(1));
 * }</pre>
 */
public final class CPythonService {
    private final Supervisor supervisor;

    public CPythonService() {
        this(Supervisor.system());
    }

    /** Programs started by {@code supervisor}: tests give one with tools missing. */
    CPythonService(Supervisor supervisor) {
        this.supervisor = supervisor;
    }

    /**
     * Starts a program and returns once its interpreter is running. Running a program is an
     * explicit act of the user, like running it in a terminal.
     *
     * @throws PythonUnavailableException no usable interpreter (the message says why in one sentence)
     * @throws IOException                the program file is missing, or the interpreter could not be started
     */
    public CPythonRun start(Path program, List<String> args, CPythonOptions options, RunListener listener)
            throws PythonUnavailableException, IOException {
        if (!isProgram(program)) {
            throw new IOException("no Python program at " + program);
        }
        PythonInterpreter python = PythonInterpreter.find(options.pythonExe());
        return CPythonRun.start(program.getFileName().toString(), program.toAbsolutePath(), args, options, python,
                null, listener, supervisor);
    }

    /** A file, or a folder with a {@code __main__.py} (which {@code python3 FOLDER} runs), as a terminal's python3 takes. */
    public static boolean isProgram(Path program) {
        return Files.isRegularFile(program)
                || (Files.isDirectory(program) && Files.isRegularFile(program.resolve("__main__.py")));
    }

    /**
     * Runs a scenario on CPython's own Pool (or Processes): the program {@link ScenarioProgram}
     * writes for it, with tasks numbered and named as in the scenario. Only the built-in task kinds
     * run: a scenario file still cannot run code of its own.
     */
    public CPythonRun startScenario(String scenarioName, RunConfig config, CPythonOptions options, RunListener listener)
            throws PythonUnavailableException, IOException {
        PythonInterpreter python = PythonInterpreter.find(options.pythonExe());
        Path file = ScenarioProgram.writeTemp(scenarioName, config);
        return CPythonRun.start(scenarioName, file, List.of(), options, python, config, listener, supervisor);
    }
}

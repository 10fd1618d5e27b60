package dev.poolscope.cpython;

import dev.poolscope.engine.Mode;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.TaskKind;
import dev.poolscope.engine.TaskSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A scenario as the Python program it stands for: what the window's Python view shows, what a
 * teacher can copy onto a slide and run with plain {@code python3}, and what the CPython engine
 * runs. One function per task kind the scenario uses, the tasks as a list of tuples, and the
 * pool call of its mode. Task values are written as Python literals, never as code: the program
 * only ever calls the built-in kinds.
 */
public final class ScenarioProgram {
    private ScenarioProgram() {}

    /** Writes the program to a new private temp file (a file, so spawn and forkserver children can import it). */
    static Path writeTemp(String name, RunConfig config) throws IOException {
        Path dir = Files.createTempDirectory("poolscope-scenario-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path file = dir.resolve(fileName(name));
        Files.writeString(file, render(name, null, config));
        file.toFile().deleteOnExit();
        dir.toFile().deleteOnExit();
        return file;
    }

    /** "work-log" gives "work_log.py". */
    public static String fileName(String scenarioName) {
        String base = scenarioName == null ? "" : scenarioName.replaceAll("[^A-Za-z0-9_]+", "_").replaceAll("^_+|_+$", "");
        if (base.isEmpty() || Character.isDigit(base.charAt(0))) {
            base = "scenario_" + base;
        }
        return base.toLowerCase(java.util.Locale.ROOT) + ".py";
    }

    public static String render(String name, String description, RunConfig config) {
        StringBuilder py = new StringBuilder();
        header(py, name, description, config);
        Set<TaskKind> kinds = EnumSet.noneOf(TaskKind.class);
        config.tasks().forEach(t -> kinds.add(t.kind()));
        if (config.initializer() != null && config.mode().usesPool()) {
            kinds.add(config.initializer().kind());
        }
        imports(py, kinds, config.mode());
        for (TaskKind kind : TaskKind.values()) {
            if (kinds.contains(kind)) {
                py.append("\n\n").append(KindFunctions.of(kind));
            }
        }
        py.append("\n\nKINDS = {");
        List<String> entries = new ArrayList<>();
        for (TaskKind kind : TaskKind.values()) {
            if (kinds.contains(kind)) {
                entries.add(PyText.string(kind.id()) + ": " + KindFunctions.functionName(kind));
            }
        }
        py.append(String.join(", ", entries)).append("}\n\n\n");
        py.append("def run_task(task):\n");
        py.append("    kind, name, *values = task\n");
        py.append("    return KINDS[kind](name, *values)\n\n\n");
        py.append("TASKS = [\n");
        for (TaskSpec t : config.tasks()) {
            py.append("    ").append(tuple(t)).append(",\n");
        }
        py.append("]\n");
        if (config.initializer() != null && config.mode().usesPool()) {
            py.append("INITIALIZER = ").append(tuple(config.initializer())).append("\n");
        }
        py.append("\n");
        MainBlock.append(py, config);
        return py.toString();
    }

    private static void header(StringBuilder py, String name, String description, RunConfig config) {
        String title = PyText.comment(name == null ? "scenario" : name);
        if (description != null && !description.isBlank()) {
            title += ": " + PyText.comment(description);
        }
        for (String line : PyText.wrap(title, 95)) {
            py.append("# ").append(line).append('\n');
        }
        py.append("# The Python program this PoolScope scenario stands for. PoolScope's CPython engine runs it;\n");
        py.append("# so does plain python3.\n");
        if (config.timeoutMs() != null || config.tasks().stream().anyMatch(t -> t.timeoutMs() != null)) {
            py.append("# The scenario's time limits are not here: CPython's Pool has no per-task time limit.\n");
        }
        if (config.initializer() != null && !config.mode().usesPool()) {
            py.append("# The scenario's initializer is not here: a plain Process has none.\n");
        }
    }

    private static void imports(StringBuilder py, Set<TaskKind> kinds, Mode mode) {
        boolean os = kinds.contains(TaskKind.PRINT) || kinds.contains(TaskKind.CRASH);
        boolean time = kinds.stream().anyMatch(k -> k != TaskKind.NOOP);
        if (os) {
            py.append("import os\n");
        }
        if (time) {
            py.append("import time\n");
        }
        py.append(mode.usesPool() ? "from multiprocessing import Pool\n" : "from multiprocessing import Process\n");
    }

    /** ("sleep", "A", 5000): the kind, the name, then only the values the kind uses. */
    static String tuple(TaskSpec t) {
        List<String> v = new ArrayList<>();
        v.add(PyText.string(t.kind().id()));
        v.add(PyText.string(t.name()));
        switch (t.kind()) {
            case SLEEP, SPIN -> v.add(Long.toString(t.ms()));
            case SQUARE, CUBE, DOUBLE -> {
                v.add(Long.toString(t.n()));
                if (t.ms() > 0) {
                    v.add(Long.toString(t.ms()));
                }
            }
            case PRINT -> {
                v.add(PyText.string(t.text()));
                if (t.times() != 1 || t.n() != null || t.ms() > 0) {
                    v.add(Integer.toString(t.times()));
                }
                if (t.n() != null || t.ms() > 0) {
                    v.add(t.n() == null ? "None" : Long.toString(t.n()));
                }
                if (t.ms() > 0) {
                    v.add(Long.toString(t.ms()));
                }
            }
            case FAIL -> {
                if (t.text() != null || t.ms() > 0) {
                    v.add(PyText.string(t.text() == null ? "task failed" : t.text()));
                }
                if (t.ms() > 0) {
                    v.add(Long.toString(t.ms()));
                }
            }
            case CRASH -> {
                if (t.exitCode() != 1 || t.ms() > 0) {
                    v.add(Integer.toString(t.exitCode()));
                }
                if (t.ms() > 0) {
                    v.add(Long.toString(t.ms()));
                }
            }
            case NOOP -> { }
        }
        return "(" + String.join(", ", v) + ")";
    }
}

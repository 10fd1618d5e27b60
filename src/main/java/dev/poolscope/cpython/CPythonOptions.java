package dev.poolscope.cpython;

import java.nio.file.Path;
import java.util.Set;

/**
 * How to run a Python program.
 *
 * @param pythonExe   the interpreter, or null for {@code python3} on PATH
 * @param deadlineMs  stop the whole run after this many ms (null: no deadline); a run stopped
 *                    by it counts as failed
 * @param startMethod null to leave the program's start method alone; "fork", "spawn" or
 *                    "forkserver" to make it multiprocessing's default (a program that calls
 *                    set_start_method itself still gets what it asks for)
 */
public record CPythonOptions(Path pythonExe, Long deadlineMs, String startMethod) {
    public static final Set<String> START_METHODS = Set.of("fork", "spawn", "forkserver");

    public CPythonOptions {
        if (deadlineMs != null && deadlineMs <= 0) {
            throw new IllegalArgumentException("deadline: must be at least 1 ms, got " + deadlineMs);
        }
        if (startMethod != null && !START_METHODS.contains(startMethod)) {
            throw new IllegalArgumentException("start method: must be fork, spawn or forkserver, got " + startMethod);
        }
    }

    public static CPythonOptions defaults() {
        return new CPythonOptions(null, null, null);
    }

    public CPythonOptions withPythonExe(Path exe) {
        return new CPythonOptions(exe, deadlineMs, startMethod);
    }

    public CPythonOptions withDeadlineMs(Long ms) {
        return new CPythonOptions(pythonExe, ms, startMethod);
    }

    public CPythonOptions withStartMethod(String method) {
        return new CPythonOptions(pythonExe, deadlineMs, method);
    }
}

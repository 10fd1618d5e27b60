package dev.poolscope.engine;

import java.util.Objects;

/**
 * One task: a name, a built-in kind and its values.
 *
 * @param ms        sleep or spin time; for the other kinds an optional sleep before the work
 * @param n         the argument of square, cube and double; null for other kinds
 * @param text      the line a print task prints ({pid}, {name} and {n} are filled in), or the
 *                  error message of a fail task
 * @param times     how many times a print task prints its line (at least 1)
 * @param exitCode  the exit code a crash task dies with
 * @param timeoutMs per-task time limit, or null for the run's limit (if any)
 */
public record TaskSpec(String name, TaskKind kind, long ms, Long n, String text, int times,
                       int exitCode, Long timeoutMs) {

    public TaskSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }

    public static TaskSpec of(String name, TaskKind kind, long ms) {
        return new TaskSpec(name, kind, ms, null, null, 1, 1, null);
    }

    public static TaskSpec ofN(String name, TaskKind kind, long n, long ms) {
        return new TaskSpec(name, kind, ms, n, null, 1, 1, null);
    }

    public static TaskSpec print(String name, String text) {
        return new TaskSpec(name, TaskKind.PRINT, 0, null, text, 1, 1, null);
    }

    public TaskSpec withName(String newName) {
        return new TaskSpec(newName, kind, ms, n, text, times, exitCode, timeoutMs);
    }

    public TaskSpec withMs(long newMs) {
        return new TaskSpec(name, kind, newMs, n, text, times, exitCode, timeoutMs);
    }

    public TaskSpec withN(Long newN) {
        return new TaskSpec(name, kind, ms, newN, text, times, exitCode, timeoutMs);
    }

    public TaskSpec withText(String newText) {
        return new TaskSpec(name, kind, ms, n, newText, times, exitCode, timeoutMs);
    }

    public TaskSpec withTimes(int newTimes) {
        return new TaskSpec(name, kind, ms, n, text, newTimes, exitCode, timeoutMs);
    }

    public TaskSpec withExitCode(int newExitCode) {
        return new TaskSpec(name, kind, ms, n, text, times, newExitCode, timeoutMs);
    }

    public TaskSpec withTimeoutMs(Long newTimeoutMs) {
        return new TaskSpec(name, kind, ms, n, text, times, exitCode, newTimeoutMs);
    }
}

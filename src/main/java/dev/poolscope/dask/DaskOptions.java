package dev.poolscope.dask;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * How to run a scenario on Dask.
 *
 * @param pythonExe  the interpreter, or null to find one that can {@code import distributed}
 * @param scheduler  "tcp://HOST:PORT" of an existing cluster, or null to start a local one with
 *                   the run (and end it with the run)
 * @param threads    threads per worker of a local cluster (Dask's threads_per_worker)
 * @param deadlineMs stop the run after this many ms (null: no deadline)
 */
public record DaskOptions(Path pythonExe, String scheduler, int threads, Long deadlineMs) {
    private static final Pattern ADDRESS = Pattern.compile("(tcp|tls)://[A-Za-z0-9.\\-\\[\\]:]+:\\d{1,5}");

    public DaskOptions {
        String problem = schedulerProblem(scheduler);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("threads per worker: must be 1 to 64, got " + threads);
        }
        if (deadlineMs != null && deadlineMs <= 0) {
            throw new IllegalArgumentException("deadline: must be at least 1 ms, got " + deadlineMs);
        }
    }

    public static DaskOptions defaults() {
        return new DaskOptions(null, null, 1, null);
    }

    /** What is wrong with a scheduler address, in one line, or null (null or blank: none given). */
    public static String schedulerProblem(String scheduler) {
        if (scheduler == null || scheduler.isBlank() || ADDRESS.matcher(scheduler.trim()).matches()) {
            return null;
        }
        return "--scheduler: must be a Dask scheduler address such as tcp://127.0.0.1:8786, got " + scheduler;
    }

    public DaskOptions withPythonExe(Path exe) {
        return new DaskOptions(exe, scheduler, threads, deadlineMs);
    }

    public DaskOptions withScheduler(String address) {
        return new DaskOptions(pythonExe, address == null || address.isBlank() ? null : address.trim(), threads, deadlineMs);
    }

    public DaskOptions withDeadlineMs(Long ms) {
        return new DaskOptions(pythonExe, scheduler, threads, ms);
    }
}

package dev.poolscope.cpython;

import dev.poolscope.engine.ExitKind;
import java.util.Map;

/** Why a Python process ended, as an exit kind and a sentence. */
record ExitWords(ExitKind kind, Integer exitCode, Integer signal, String detail) {
    private static final Map<Integer, String> SIGNALS = Map.of(1, "SIGHUP", 2, "SIGINT", 3, "SIGQUIT",
            6, "SIGABRT", 9, "SIGKILL", 11, "SIGSEGV", 13, "SIGPIPE", 15, "SIGTERM");

    /** The tracer's "by" of a signal sent by multiprocessing's own atexit (util._exit_function). */
    static final String BY_EXIT = "exit";
    /** What happened to a daemon child still running when the main program ended (report, trace and window). */
    static final String TERMINATED_AT_EXIT =
            "terminated by multiprocessing at exit (a daemon process still running when the main program ended)";

    /** The main lane's mark when multiprocessing's atexit terminates a daemon child. */
    static String atExitMark(long child) {
        return "at exit, multiprocessing terminates daemon PID " + child + ": SIGTERM";
    }

    static String signalName(int signal) {
        return SIGNALS.getOrDefault(signal, "SIG" + signal);
    }

    /**
     * @param code      CPython's exit code for the process (negative: killed by that signal), or null if unknown
     * @param stopping  PoolScope is ending the run
     */
    static ExitWords of(PyProcess p, Integer code, boolean stopping) {
        Integer signal = code != null && code < 0 ? -code : null;
        Integer exit = code != null && code >= 0 ? code : null;
        if (p.killedByPoolScope) {
            return new ExitWords(ExitKind.CRASHED, null, 9, "killed from its lane by PoolScope (SIGKILL)");
        }
        if (stopping && p.byeCode == null) {
            return new ExitWords(ExitKind.TERMINATED, exit, signal, "ended by PoolScope: the run was stopped");
        }
        if (signal != null) {
            if (signal == 15 && p.terminatedAtExit) {
                return new ExitWords(ExitKind.TERMINATED, null, 15, TERMINATED_AT_EXIT + ": SIGTERM");
            }
            if (signal == 15 && "SIGTERM".equals(p.signalFromParent)) {
                String who = p.executor ? "by its ProcessPoolExecutor (broken, or shut down)"
                        : !p.isPoolWorker() ? "by terminate()"
                        : "by its Pool's terminate() (" + PoolMarks.cause(p.poolEnd == null ? "" : p.poolEnd) + ")";
                return new ExitWords(ExitKind.TERMINATED, null, 15, "terminated " + who + ": SIGTERM");
            }
            if (signal == 9 && "SIGKILL".equals(p.signalFromParent)) {
                return new ExitWords(ExitKind.TERMINATED, null, 9, "killed by kill() in its parent: SIGKILL");
            }
            return new ExitWords(ExitKind.CRASHED, null, signal, "killed by signal " + signal + " (" + signalName(signal) + ")");
        }
        if (p.byeCode == null) {
            return new ExitWords(ExitKind.CRASHED, exit, null, exit == null
                    ? "ended without a word (killed, or os._exit)"
                    : "ended at once with exit code " + exit + " (os._exit or a crash), skipping Python's clean-up");
        }
        if ("maxtasks".equals(p.byeWhy)) {
            return new ExitWords(ExitKind.RECYCLED, exit, null, p.executor
                    ? "retired: max_tasks_per_child=" + p.maxTasks + " reached, the executor starts a fresh process"
                    : "retired: maxtasksperchild=" + p.maxTasks + " reached, the Pool starts a fresh process");
        }
        if (exit != null && exit != 0) {
            return new ExitWords(ExitKind.NORMAL, exit, null, "exited with code " + exit
                    + (p.isPoolWorker() ? "" : " (its target raised an exception or called sys.exit)"));
        }
        return new ExitWords(ExitKind.NORMAL, exit, null, "exited normally");
    }
}

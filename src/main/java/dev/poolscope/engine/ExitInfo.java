package dev.poolscope.engine;

import java.util.Map;

/** Reads a process's exit value: a normal code, or "killed by signal" (128 + signal on Linux). */
record ExitInfo(int exitCode, Integer signal) {
    private static final Map<Integer, String> NAMES = Map.of(1, "SIGHUP", 2, "SIGINT", 3, "SIGQUIT",
            6, "SIGABRT", 9, "SIGKILL", 11, "SIGSEGV", 13, "SIGPIPE", 15, "SIGTERM");

    static ExitInfo of(int exitValue) {
        if (exitValue > 128 && exitValue <= 128 + 64) {
            return new ExitInfo(exitValue, exitValue - 128);
        }
        return new ExitInfo(exitValue, null);
    }

    /** "killed by signal 9 (SIGKILL)" or "exited with code 3". */
    String describe() {
        if (signal != null) {
            return "killed by signal " + signal + " (" + NAMES.getOrDefault(signal, "SIG" + signal) + ")";
        }
        return "exited with code " + exitCode;
    }
}

package dev.poolscope.engine;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every worker process this JVM has started and not yet seen end. A shutdown hook kills
 * those left when the app exits normally or on SIGTERM/SIGINT; on SIGKILL of the app, the
 * workers notice their stdin closing and halt on their own.
 */
final class LiveProcesses {
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(LiveProcesses::killAll, "poolscope-kill-workers"));
    }

    private LiveProcesses() {}

    static void add(Process process) {
        LIVE.add(process);
    }

    static void remove(Process process) {
        LIVE.remove(process);
    }

    static int count() {
        return LIVE.size();
    }

    static void killAll() {
        for (Process p : LIVE) {
            p.destroyForcibly();
        }
    }
}

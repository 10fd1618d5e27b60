package dev.poolscope.supervisor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The limit on how many processes (and threads: Linux counts both) a user may have, as
 * {@code ulimit -u} sets it. When it is reached, fork fails with EAGAIN, a JVM cannot start
 * its threads, and Java throws "OutOfMemoryError: unable to create native thread". PoolScope
 * recognises each of those and says so in one line instead of passing on traces.
 */
public final class ProcessLimit {
    /** The words every message about it starts with. */
    public static final String REACHED = "the process limit was reached";

    private ProcessLimit() {}

    /** Whether {@code e} (a failed start or thread creation) is this limit. */
    public static boolean isHit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError && String.valueOf(t.getMessage()).contains("unable to create native thread")) {
                return true;
            }
            if (t instanceof IOException && isHit(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a failure's text (an exception's message, a worker JVM's last words on stderr) says so. */
    public static boolean isHit(String text) {
        return text != null && (text.contains("error=11,") || text.contains("Resource temporarily unavailable")
                || text.contains("unable to create native thread") || text.contains("pthread_create failed (EAGAIN)")
                || text.contains("Cannot create worker GC thread"));
    }

    /**
     * How many more processes and threads this user may start before the limit, or -1 when there
     * is no limit to reach (none set, root, or not Linux). Linux counts every thread of every
     * process of the real user against it, so this reads each process's thread count.
     */
    public static long room() {
        long limit = softLimit();
        long uid = realUid();
        if (limit < 0 || uid <= 0) {
            return -1;
        }
        long used = 0;
        try (var procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                used += threadsOf(proc.resolve("status"), uid);
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return Math.max(0, limit - used);
    }

    /** The soft limit, or -1 for unlimited or unknown. */
    private static long softLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max processes")) {
                    String soft = line.substring("Max processes".length()).trim().split("\\s+")[0];
                    return soft.equals("unlimited") ? -1 : Long.parseLong(soft);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    private static long realUid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return Long.parseLong(line.substring(4).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    private static long threadsOf(Path status, long uid) {
        try {
            boolean mine = false;
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("Uid:")) {
                    mine = Long.parseLong(line.substring(4).trim().split("\\s+")[0]) == uid;
                } else if (line.startsWith("Threads:") && mine) {
                    return Long.parseLong(line.substring(8).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone meanwhile
        }
        return 0;
    }

    /** "the process limit was reached (ulimit -u 300)", with the limit where /proc tells it. */
    public static String describe() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max processes")) {
                    String soft = line.substring("Max processes".length()).trim().split("\\s+")[0];
                    return REACHED + " (ulimit -u " + soft + ")";
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the words alone
        }
        return REACHED;
    }
}

package dev.poolscope.os;

/**
 * Reads what the operating system knows of a process. On Linux it reads {@code /proc}; elsewhere
 * it has only the CPU time {@link ProcessHandle} gives (see {@link #missing()}).
 */
public interface ProcessProbe {
    /**
     * One reading of a process.
     *
     * @param cpuNanos CPU time (user + system, all threads) since the process started
     * @param state    the /proc state letter, or {@link OsState#UNKNOWN}
     * @param rssKb    resident memory in KiB, or -1 when unknown
     */
    record Reading(long cpuNanos, char state, long rssKb) {}

    /** Reads a process; null when it is gone or cannot be read. Safe from any thread. */
    Reading read(long pid);

    /**
     * Reads one thread of a process (its CPU time alone, its own state letter); null when it is
     * gone or the system cannot read threads. Safe from any thread.
     */
    default Reading readThread(long pid, long tid) {
        return null;
    }

    /** The caller no longer reads this process: drop what was kept for it. */
    default void forget(long pid) {}

    /** What this probe cannot tell, in words ("" when it tells everything). */
    String missing();

    /** The best probe for this machine: /proc where it exists, else ProcessHandle's CPU time. */
    static ProcessProbe forThisMachine() {
        return LinuxProcProbe.available() ? new LinuxProcProbe() : new PortableProbe();
    }
}

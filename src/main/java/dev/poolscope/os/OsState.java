package dev.poolscope.os;

/** Words for the state letters of Linux's /proc (proc(5)); '?' is "not known on this system". */
public final class OsState {
    /** The letter of a sample whose state the platform does not report. */
    public static final char UNKNOWN = '?';

    private OsState() {}

    /** "running", "sleeping", ... for a state letter. */
    public static String describe(char state) {
        return switch (state) {
            case 'R' -> "running";
            case 'S' -> "sleeping";
            case 'D' -> "disk wait";
            case 'T' -> "stopped";
            case 't' -> "stopped by a debugger";
            case 'Z' -> "zombie";
            case 'X', 'x' -> "dead";
            case 'I' -> "idle";
            case 'P' -> "parked";
            case 'W' -> "waking";
            case 'K' -> "wakekill";
            default -> "unknown";
        };
    }

    /**
     * Words for a thread's state letter: a thread that is not running is "waiting". Under the
     * GIL a thread waiting its turn sleeps in a short timed wait (state S), as one waiting on a
     * lock, on I/O or in sleep() does: /proc cannot tell them apart, so neither can these words.
     */
    public static String describeThread(char state) {
        return switch (state) {
            case 'R' -> "running";
            case 'S', 'D' -> "waiting (for the GIL, a lock, I/O or a sleep: the OS cannot tell which)";
            default -> describe(state);
        };
    }

    /** Whether the process cannot run until someone lets it (SIGSTOP, a debugger). */
    public static boolean isStopped(char state) {
        return state == 'T' || state == 't';
    }
}

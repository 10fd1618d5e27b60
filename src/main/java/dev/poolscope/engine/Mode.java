package dev.poolscope.engine;

import java.util.Locale;

/** How tasks are handed out and results delivered, named after the Python calls they mirror. */
public enum Mode {
    /** {@code Pool.map}: results in input order, all at once when every task is done. */
    MAP("map"),
    /** {@code Pool.imap}: results in input order, each as soon as it and all before it are done. */
    IMAP("imap"),
    /** {@code Pool.imap_unordered}: results in completion order. */
    IMAP_UNORDERED("imap_unordered"),
    /** {@code Pool.apply_async} per task: callbacks in completion order, chunksize always 1. */
    APPLY_ASYNC("apply_async"),
    /** One {@code Process} per task, all started together, then joined. */
    PROCESS("process");

    private final String id;

    Mode(String id) {
        this.id = id;
    }

    /** The name used in scenario files and on the command line. */
    public String id() {
        return id;
    }

    public boolean usesPool() {
        return this != PROCESS;
    }

    /** Looks a mode up by its id ("map", "imap_unordered", ...); null when there is none. */
    public static Mode fromId(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (Mode mode : values()) {
            if (mode.id.equals(wanted)) {
                return mode;
            }
        }
        return null;
    }

    public static String ids() {
        StringBuilder sb = new StringBuilder();
        for (Mode mode : values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(mode.id);
        }
        return sb.toString();
    }
}

package dev.poolscope.engine;

import java.util.Locale;

/** The final status of a task. */
public enum TaskStatus {
    OK, FAILED, CRASHED, CANCELLED, TIMEOUT;

    /** The lower-case name used in traces and on screen. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package dev.poolscope.engine;

import java.util.Locale;

/** What a worker process is doing, as shown on its lane's badge. */
public enum WorkerState {
    STARTING, IDLE, BUSY, EXITED, CRASHED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}

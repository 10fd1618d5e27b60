package dev.poolscope.engine;

/** The CPU priority worker processes run at. */
public enum WorkerPriority {
    /** Same as the app: right for measuring (the CLI, benchmarks, tests). */
    NORMAL,
    /**
     * Lower than the app ({@code nice -n 10}): for the window. When workers keep every core busy
     * the window still gets the CPU it needs to draw each frame; when the CPU is not contended
     * the priority makes no difference to the workers.
     */
    LOW
}

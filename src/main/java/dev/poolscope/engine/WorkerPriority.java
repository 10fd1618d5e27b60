package dev.poolscope.engine;

/** The CPU priority worker processes run at. */
public enum WorkerPriority {
    /** Same as the app: right for measuring (the CLI, benchmarks, tests). */
    NORMAL,
    /**
     * The lowest there is, for the window: SCHED_IDLE on Linux ({@code chrt --idle 0}), else
     * {@code nice -n 19}. When workers keep every core busy (32 JVMs starting on 2 cores) the
     * window still gets the CPU it needs to draw each frame; when the CPU is not contended the
     * priority makes no difference to the workers. At nice 10, 16 starting workers on a core
     * outweighed the window's threads (weights 110 each against 1,024) and the first frames of a
     * 32-worker run waited; bench-ui screen frame p95, 3 runs each: 17.8-18.0 ms at nice 19,
     * 15.2-16.6 ms under SCHED_IDLE.
     */
    LOW
}

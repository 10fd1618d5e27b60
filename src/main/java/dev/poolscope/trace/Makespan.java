package dev.poolscope.trace;

/**
 * The makespan rule, in one place: from the first task's start to the last task's end (worker
 * start-up is not part of it). {@link StatsCalculator} sums a trace up with it, and the window's
 * status line uses it on what the timeline shows, so the two always say the same number.
 * Feed it each task that started; not thread-safe.
 */
public final class Makespan {
    private double first = Double.POSITIVE_INFINITY;
    private double last = Double.NEGATIVE_INFINITY;

    /** A task that ran from {@code startMs} to {@code endMs} (a running one: to now). */
    public void add(double startMs, double endMs) {
        first = Math.min(first, startMs);
        last = Math.max(last, endMs);
    }

    /** Whether any task started. */
    public boolean any() {
        return last >= first;
    }

    /** The makespan in ms, to 0.001 ms; 0 when no task started. */
    public double ms() {
        return any() ? Ms.round3(last - first) : 0;
    }
}

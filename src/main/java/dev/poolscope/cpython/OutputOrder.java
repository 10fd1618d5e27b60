package dev.poolscope.cpython;

import dev.poolscope.engine.RunEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Printed lines in the order they were written. Each process's lines come on its own
 * connection, so two processes' lines can be read in the other order than they were written
 * (each carries its write time, taken in the process on the shared monotonic clock). A line is
 * held for {@link #HOLD_NS} after it was written, which is longer than a line takes to arrive
 * (the tracer sends a printed line at once), and lines are let go in write order.
 * Guarded by the run's lock.
 */
final class OutputOrder {
    /** How long after it was written a line waits for earlier lines of other processes. */
    static final long HOLD_NS = 80_000_000L;
    /** The longest a line waits, however far behind the channel's reader is (a flood of messages). */
    static final long MAX_HOLD_NS = 2_000_000_000L;

    private record Held(RunEvent.OutputLine line, long seq) {}

    private final PriorityQueue<Held> held = new PriorityQueue<>(
            Comparator.comparingLong((Held h) -> h.line().at()).thenComparingLong(Held::seq));
    private long seq;

    void add(RunEvent.OutputLine line) {
        held.add(new Held(line, seq++));
    }

    boolean isEmpty() {
        return held.isEmpty();
    }

    /** The lines written at or before {@code now - HOLD_NS} (run time, ns), in write order. */
    List<RunEvent.OutputLine> due(long now) {
        List<RunEvent.OutputLine> out = new ArrayList<>();
        while (!held.isEmpty() && held.peek().line().at() <= now - HOLD_NS) {
            out.add(held.poll().line());
        }
        return out;
    }

    /** Every line still held, in write order (the run is over: nothing earlier can come). */
    List<RunEvent.OutputLine> all() {
        return due(Long.MAX_VALUE / 2 + HOLD_NS);
    }
}

package dev.poolscope.ui.app;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Measures frames for the frame benchmark (FX thread only). A frame starts when the frame
 * handler starts and ends after the pulse's CSS and layout pass ({@link #afterLayout}, a
 * post-layout pulse listener), so list and label updates are counted. Each event drained in the
 * frame is charged from its engine timestamp to that end. With {@code -Dpoolscope.frameDebug=true}
 * frames over 6 ms are printed with their handler / CSS+layout / CPU split.
 */
final class FrameProbe {
    private static final boolean DEBUG = Boolean.getBoolean("poolscope.frameDebug");
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final FrameMetrics metrics;
    private final long runStart;
    private long[] drainedAt = new long[1024];
    private int drainedCount;
    private long frameStart;
    private long handlerEnd;
    private long cpuStart;
    private int events;

    /** @param runStart {@code RunHandle.startNanos()}: event times count from here */
    FrameProbe(FrameMetrics metrics, long runStart) {
        this.metrics = metrics;
        this.runStart = runStart;
    }

    void frameStarted(long t0) {
        if (frameStart != 0) {
            // The last pulse had no layout pass to report its end: count it until now (too long, never too short).
            afterLayout();
        }
        frameStart = t0;
        cpuStart = DEBUG ? THREADS.getCurrentThreadCpuTime() : 0;
        events = 0;
    }

    void drained(long at) {
        if (drainedCount == drainedAt.length) {
            drainedAt = Arrays.copyOf(drainedAt, drainedCount * 2);
        }
        drainedAt[drainedCount++] = at;
        events++;
    }

    /** The handler is done; {@code counts} says whether this frame is one to record. */
    void handlerDone(boolean counts) {
        handlerEnd = System.nanoTime();
        if (!counts) {
            frameStart = 0;
        }
    }

    void afterLayout() {
        if (frameStart == 0) {
            return;
        }
        long t1 = System.nanoTime();
        if (DEBUG && t1 - frameStart > 6_000_000) {
            System.err.printf("slow frame at %.2f s: handler %.1f ms, css+layout %.1f ms, cpu %.1f ms, %d events%n",
                    (frameStart - runStart) / 1e9, (handlerEnd - frameStart) / 1e6, (t1 - handlerEnd) / 1e6,
                    (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6, events);
        }
        metrics.frame(frameStart - runStart, t1 - frameStart);
        for (int i = 0; i < drainedCount; i++) {
            metrics.delay(drainedAt[i], t1 - (runStart + drainedAt[i]));
        }
        frameStart = 0;
        drainedCount = 0;
    }
}

package dev.poolscope.ui.app;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Measures frames for the frame benchmark (FX thread only). A frame starts when the frame
 * handler starts and its FX-thread part ends after the pulse's CSS and layout pass
 * ({@link #afterLayout}, a post-layout pulse listener), so list and label updates are counted.
 * Alongside the wall time it takes the FX thread's CPU time for the same span (what the frame
 * costs, whatever else the machine runs), and it marks each frame's start with a
 * {@link FrameEvent} so the benchmark can add the render thread's part from JavaFX's pulse
 * events; the render thread's CPU time between two frame starts is charged to the earlier frame
 * (the render thread does nothing but paint). Each event drained in a frame is recorded with
 * that frame's number.
 */
final class FrameProbe {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final FrameMetrics metrics;
    private final long runStart;
    private final boolean cpuTime = THREADS.isCurrentThreadCpuTimeSupported();
    private long[] drainedAt = new long[1024];
    private int drainedCount;
    private long frameStart;
    private long cpuStart;
    private int frame = -1;
    /** JavaFX's render thread, for its CPU time per frame; -1 if not found. */
    private final long renderThread = renderThreadId();
    private long renderCpuAt = -1;

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
        cpuStart = cpuTime ? THREADS.getCurrentThreadCpuTime() : 0;
        if (renderThread >= 0) {
            // What the render thread used since the last frame began: the last frame's painting.
            long now = THREADS.getThreadCpuTime(renderThread);
            if (renderCpuAt >= 0 && now >= 0 && frame >= 0) {
                metrics.renderCpu(frame, t0 - runStart, now - renderCpuAt);
            }
            renderCpuAt = now;
        }
        frame++;
        FrameEvent mark = new FrameEvent();
        if (mark.isEnabled()) {
            mark.frame = frame;
            mark.startNanos = t0;
            mark.commit();
        }
    }

    private static long renderThreadId() {
        if (!THREADS.isThreadCpuTimeSupported()) {
            return -1;
        }
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("QuantumRenderer")) {
                return t.getId();
            }
        }
        return -1;
    }

    void drained(long at) {
        if (drainedCount == drainedAt.length) {
            drainedAt = Arrays.copyOf(drainedAt, drainedCount * 2);
        }
        drainedAt[drainedCount++] = at;
    }

    /** The handler is done; {@code counts} says whether this frame is one to record. */
    void handlerDone(boolean counts) {
        if (!counts) {
            frameStart = 0;
        }
    }

    void afterLayout() {
        if (frameStart == 0) {
            return;
        }
        long t1 = System.nanoTime();
        long cpu = cpuTime ? THREADS.getCurrentThreadCpuTime() - cpuStart : -1;
        metrics.frame(frame, frameStart - runStart, t1 - frameStart, cpu);
        for (int i = 0; i < drainedCount; i++) {
            metrics.delay(frame, drainedAt[i], t1 - (runStart + drainedAt[i]));
        }
        frameStart = 0;
        drainedCount = 0;
    }
}

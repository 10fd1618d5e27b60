package dev.poolscope.ui.app;

import java.util.Arrays;

/**
 * Per-frame timings for the frame benchmark: how long the frame handler took, and for every
 * event how long from the engine's timestamp to the end of the frame that first drew it.
 * Plain arrays so recording costs no allocation in the frame.
 */
public final class FrameMetrics {
    private long[] frames = new long[4096];
    private int frameCount;
    private long[] delays = new long[65536];
    private int delayCount;

    void frame(long ns) {
        if (frameCount == frames.length) {
            frames = Arrays.copyOf(frames, frameCount * 2);
        }
        frames[frameCount++] = ns;
    }

    void delay(long ns) {
        if (delayCount == delays.length) {
            delays = Arrays.copyOf(delays, delayCount * 2);
        }
        delays[delayCount++] = ns;
    }

    public int frames() {
        return frameCount;
    }

    public int events() {
        return delayCount;
    }

    /** Frame time percentile in ms (p in 0..100; 100 is the max). */
    public double frameMs(double p) {
        return percentile(frames, frameCount, p) / 1e6;
    }

    /** Event-to-frame delay percentile in ms. */
    public double delayMs(double p) {
        return percentile(delays, delayCount, p) / 1e6;
    }

    static double percentile(long[] values, int count, double p) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, i))];
    }
}

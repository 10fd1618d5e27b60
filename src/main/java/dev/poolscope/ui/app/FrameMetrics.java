package dev.poolscope.ui.app;

import java.util.Arrays;

/**
 * Per-frame timings for the frame benchmark. A frame's time runs from the start of the frame
 * handler (drain events, update models, draw the changed tiles) to the end of that pulse's CSS
 * and layout pass on the FX thread, so label and list updates count too. An event's delay runs
 * from its engine timestamp ({@code RunHandle.startNanos() + event.at()}) to the end of the
 * frame that first drew it. The painting itself happens afterwards on the render thread and is
 * not in these figures; the frame rate shows it (a slow paint delays the next pulse).
 * Each sample also keeps when it happened (ns since the run started), so start-up and steady
 * state can be reported apart. Plain arrays: recording allocates nothing per frame.
 */
public final class FrameMetrics {
    private long[] frames = new long[4096];
    private long[] frameAt = new long[4096];
    private int frameCount;
    private long[] delays = new long[65536];
    private long[] delayAt = new long[65536];
    private int delayCount;

    void frame(long atNs, long ns) {
        if (frameCount == frames.length) {
            frames = Arrays.copyOf(frames, frameCount * 2);
            frameAt = Arrays.copyOf(frameAt, frameCount * 2);
        }
        frameAt[frameCount] = atNs;
        frames[frameCount++] = ns;
    }

    void delay(long eventAtNs, long ns) {
        if (delayCount == delays.length) {
            delays = Arrays.copyOf(delays, delayCount * 2);
            delayAt = Arrays.copyOf(delayAt, delayCount * 2);
        }
        delayAt[delayCount] = eventAtNs;
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

    /** The samples taken in [fromNs, toNs) of run time. */
    public FrameMetrics between(long fromNs, long toNs) {
        FrameMetrics m = new FrameMetrics();
        for (int i = 0; i < frameCount; i++) {
            if (frameAt[i] >= fromNs && frameAt[i] < toNs) {
                m.frame(frameAt[i], frames[i]);
            }
        }
        for (int i = 0; i < delayCount; i++) {
            if (delayAt[i] >= fromNs && delayAt[i] < toNs) {
                m.delay(delayAt[i], delays[i]);
            }
        }
        return m;
    }

    /** Frames per second over the span the frames cover. */
    public double fps() {
        if (frameCount < 2) {
            return 0;
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int i = 0; i < frameCount; i++) {
            first = Math.min(first, frameAt[i]);
            last = Math.max(last, frameAt[i]);
        }
        return last > first ? (frameCount - 1) / ((last - first) / 1e9) : 0;
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

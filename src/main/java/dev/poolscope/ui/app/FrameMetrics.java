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
    private final Samples frames = new Samples(4096);
    private final Samples delays = new Samples(65536);

    void frame(long atNs, long ns) {
        frames.add(atNs, ns);
    }

    void delay(long eventAtNs, long ns) {
        delays.add(eventAtNs, ns);
    }

    public int frames() {
        return frames.count;
    }

    public int events() {
        return delays.count;
    }

    /** Frame time percentile in ms (p in 0..100; 100 is the max). */
    public double frameMs(double p) {
        return frames.percentile(p) / 1e6;
    }

    /** Event-to-frame delay percentile in ms. */
    public double delayMs(double p) {
        return delays.percentile(p) / 1e6;
    }

    /** The samples taken in [fromNs, toNs) of run time. */
    public FrameMetrics between(long fromNs, long toNs) {
        FrameMetrics m = new FrameMetrics();
        frames.copyBetween(fromNs, toNs, m.frames);
        delays.copyBetween(fromNs, toNs, m.delays);
        return m;
    }

    /** Frames per second over the span the frames cover. */
    public double fps() {
        if (frames.count < 2) {
            return 0;
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int i = 0; i < frames.count; i++) {
            first = Math.min(first, frames.at[i]);
            last = Math.max(last, frames.at[i]);
        }
        return last > first ? (frames.count - 1) / ((last - first) / 1e9) : 0;
    }

    /** Growable pairs of (when, how long), in nanoseconds. */
    private static final class Samples {
        long[] at;
        long[] value;
        int count;

        Samples(int capacity) {
            at = new long[capacity];
            value = new long[capacity];
        }

        void add(long when, long ns) {
            if (count == value.length) {
                at = Arrays.copyOf(at, count * 2);
                value = Arrays.copyOf(value, count * 2);
            }
            at[count] = when;
            value[count++] = ns;
        }

        void copyBetween(long fromNs, long toNs, Samples into) {
            for (int i = 0; i < count; i++) {
                if (at[i] >= fromNs && at[i] < toNs) {
                    into.add(at[i], value[i]);
                }
            }
        }

        double percentile(double p) {
            if (count == 0) {
                return 0;
            }
            long[] sorted = Arrays.copyOf(value, count);
            Arrays.sort(sorted);
            int i = (int) Math.ceil(p / 100.0 * count) - 1;
            return sorted[Math.max(0, Math.min(count - 1, i))];
        }
    }
}

package dev.poolscope.ui.app;

import java.util.Arrays;
import java.util.function.IntToLongFunction;

/**
 * Per-frame timings for the frame benchmark. A frame's FX-thread time runs from the start of
 * the frame handler (drain events, update models, draw the changed tiles) to the end of that
 * pulse's CSS and layout pass, so label and list updates count too; its CPU time is the FX
 * thread's CPU over the same span. An event's delay runs from its engine timestamp
 * ({@code RunHandle.startNanos() + event.at()}) to the end of the frame that first drew it.
 * {@link #onScreen} adds what follows on the render thread (waiting for the previous frame,
 * copying the scene, painting, presenting), giving the frame as the screen sees it.
 * Each sample keeps when it happened (ns since the run started) and its frame number, so
 * start-up and steady state can be reported apart. Plain arrays: recording allocates nothing per frame.
 */
public final class FrameMetrics {
    private final Series frames = new Series(4096);
    private final Series cpu = new Series(4096);
    private final Series renderCpu = new Series(4096);
    private final Series delays = new Series(65536);

    void frame(int frame, long atNs, long ns, long cpuNs) {
        frames.add(frame, atNs, ns);
        if (cpuNs >= 0) {
            cpu.add(frame, atNs, cpuNs);
        }
    }

    void renderCpu(int frame, long atNs, long ns) {
        renderCpu.add(frame, atNs, ns);
    }

    void delay(int frame, long eventAtNs, long ns) {
        delays.add(frame, eventAtNs, ns);
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

    /** FX-thread CPU time per frame, percentile in ms. */
    public double cpuMs(double p) {
        return cpu.percentile(p) / 1e6;
    }

    /** Render-thread CPU time per frame (from one frame's start to the next), percentile in ms. */
    public double renderCpuMs(double p) {
        return renderCpu.percentile(p) / 1e6;
    }

    /** Event-to-frame delay percentile in ms. */
    public double delayMs(double p) {
        return delays.percentile(p) / 1e6;
    }

    /** The FX-thread time of frame number {@code frame} (frames are recorded in order), 0 if not recorded. */
    public long frameNsOf(int frame) {
        int i = frames.indexOf(frame);
        return i >= 0 ? frames.value[i] : 0;
    }

    /**
     * The same samples as the screen sees them: each frame, and each event drawn in it, ends
     * {@code afterFxNs(frame)} ns later, when the render thread has presented the frame.
     */
    public FrameMetrics onScreen(IntToLongFunction afterFxNs) {
        FrameMetrics m = new FrameMetrics();
        for (int i = 0; i < frames.count; i++) {
            m.frames.add(frames.frame[i], frames.at[i], frames.value[i] + afterFxNs.applyAsLong(frames.frame[i]));
        }
        for (int i = 0; i < delays.count; i++) {
            m.delays.add(delays.frame[i], delays.at[i], delays.value[i] + afterFxNs.applyAsLong(delays.frame[i]));
        }
        cpu.copyBetween(Long.MIN_VALUE, Long.MAX_VALUE, m.cpu);
        renderCpu.copyBetween(Long.MIN_VALUE, Long.MAX_VALUE, m.renderCpu);
        return m;
    }

    /** The samples taken in [fromNs, toNs) of run time. */
    public FrameMetrics between(long fromNs, long toNs) {
        FrameMetrics m = new FrameMetrics();
        frames.copyBetween(fromNs, toNs, m.frames);
        cpu.copyBetween(fromNs, toNs, m.cpu);
        renderCpu.copyBetween(fromNs, toNs, m.renderCpu);
        delays.copyBetween(fromNs, toNs, m.delays);
        return m;
    }

    /**
     * One CSV line per frame, in order: {@code frame,atMs,fxMs,fxCpuMs,renderCpuMs,screenMs}
     * ({@code atMs} is run time; {@code screenMs} is from {@code screen}, the same frames as
     * {@link #onScreen} gives them, or empty when the render thread was not measured).
     */
    public String framesCsv(FrameMetrics screen) {
        StringBuilder sb = new StringBuilder("frame,atMs,fxMs,fxCpuMs,renderCpuMs,screenMs\n");
        for (int i = 0; i < frames.count; i++) {
            int f = frames.frame[i];
            sb.append(f).append(',').append(ms(frames.at[i])).append(',').append(ms(frames.value[i])).append(',')
                    .append(cpu.valueOf(f)).append(',').append(renderCpu.valueOf(f)).append(',')
                    .append(screen == null ? "" : screen.frames.valueOf(f)).append('\n');
        }
        return sb.toString();
    }

    private static String ms(long ns) {
        return String.format(java.util.Locale.ROOT, "%.3f", ns / 1e6);
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

    /** Growable triples of (frame number, when, how long), times in nanoseconds. */
    private static final class Series {
        int[] frame;
        long[] at;
        long[] value;
        int count;

        Series(int capacity) {
            frame = new int[capacity];
            at = new long[capacity];
            value = new long[capacity];
        }

        void add(int f, long when, long ns) {
            if (count == value.length) {
                frame = Arrays.copyOf(frame, count * 2);
                at = Arrays.copyOf(at, count * 2);
                value = Arrays.copyOf(value, count * 2);
            }
            frame[count] = f;
            at[count] = when;
            value[count++] = ns;
        }

        void copyBetween(long fromNs, long toNs, Series into) {
            for (int i = 0; i < count; i++) {
                if (at[i] >= fromNs && at[i] < toNs) {
                    into.add(frame[i], at[i], value[i]);
                }
            }
        }

        /** Where frame number {@code f} is (samples are added in frame order), negative if not recorded. */
        int indexOf(int f) {
            return Arrays.binarySearch(frame, 0, count, f);
        }

        /** The value recorded for frame number {@code f} in ms, or an empty string. */
        String valueOf(int f) {
            int i = indexOf(f);
            return i >= 0 ? ms(value[i]) : "";
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

package dev.poolscope.ui.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * JavaFX's own timing of every pulse, for the frame benchmark. JavaFX writes a JFR event
 * ("javafx.PulsePhase") for each phase of each pulse, on the FX thread (animations, CSS,
 * layout, waiting for the previous frame, copying the scene) and on the render thread
 * (painting, presenting), all with the pulse's number, if JFR is running when the toolkit
 * starts. With {@link FrameEvent} marking each measured frame on the same clock, this gives
 * for every frame when the render thread finished presenting it: the frame as the screen sees it.
 * Recorded to a file and read after the run, so the run itself only pays for writing events.
 */
public final class PulseRecording {
    private static final String PHASE = "javafx.PulsePhase";
    private static final String FRAME = "dev.poolscope.Frame";
    private final Recording recording = new Recording();
    /** pulse number -> {FX-thread start, render end} as JFR nanos; render end 0 when nothing was painted. */
    private final TreeMap<Long, Integer> pulseByStart = new TreeMap<>();
    private final Map<Integer, long[]> pulses = new HashMap<>();
    private final Map<Integer, long[]> frames = new HashMap<>();
    /** Every phase: name [thread], start and duration (JFR nanos). */
    private final List<Object[]> phases = new ArrayList<>();

    private PulseRecording() {
        recording.enable(PHASE).withoutThreshold().withoutStackTrace();
        recording.enable(FRAME).withoutThreshold().withoutStackTrace();
        recording.setToDisk(true);
    }

    /**
     * Starts recording; call before the JavaFX toolkit starts (JavaFX looks for JFR once, then).
     * Returns null where JFR is missing, and the benchmark reports the FX thread alone.
     */
    public static PulseRecording start() {
        try {
            PulseRecording r = new PulseRecording();
            r.recording.start();
            return r;
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    /** Stops and reads the recording; returns false if it holds no pulses (JavaFX did not log). */
    public boolean stop() throws IOException {
        recording.stop();
        Path file = Files.createTempFile("poolscope-pulses", ".jfr");
        try {
            recording.dump(file);
            for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
                read(e);
            }
        } finally {
            recording.close();
            Files.deleteIfExists(file);
        }
        for (Map.Entry<Integer, long[]> p : pulses.entrySet()) {
            if (p.getValue()[0] != Long.MAX_VALUE) {
                pulseByStart.put(p.getValue()[0], p.getKey());
            }
        }
        return !pulseByStart.isEmpty();
    }

    private void read(RecordedEvent e) {
        String type = e.getEventType().getName();
        if (type.equals(FRAME)) {
            frames.put(e.getInt("frame"), new long[] {nanos(e.getStartTime())});
            return;
        }
        if (!type.equals(PHASE)) {
            return;
        }
        int pulse = e.getInt("pulseId");
        String thread = e.getThread() == null ? "?" : e.getThread().getJavaName();
        boolean render = thread.startsWith("QuantumRenderer");
        long start = nanos(e.getStartTime());
        long end = nanos(e.getEndTime());
        long[] p = pulses.computeIfAbsent(pulse, k -> new long[] {Long.MAX_VALUE, 0});
        if (render) {
            p[1] = Math.max(p[1], end);
        } else {
            p[0] = Math.min(p[0], start);
        }
        phases.add(new Object[] {e.getString("phaseName") + (render ? " [render]" : " [fx]"), start, end - start});
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    /**
     * How long after its FX-thread part (handler, CSS, layout: {@code fxNs} from its start)
     * the frame was on the screen: the end of the render thread's work on its pulse, or on
     * the next pulse that painted if its own painted nothing. 0 when the frame is unknown.
     */
    public long afterFxNs(int frame, long fxNs) {
        long[] f = frames.get(frame);
        if (f == null) {
            return 0;
        }
        Map.Entry<Long, Integer> pulse = pulseByStart.floorEntry(f[0]);
        if (pulse == null) {
            return 0;
        }
        for (Map.Entry<Long, Integer> p = pulse; p != null; p = pulseByStart.higherEntry(p.getKey())) {
            long renderEnd = pulses.get(p.getValue())[1];
            if (renderEnd != 0) {
                return Math.max(0, renderEnd - (f[0] + fxNs));
            }
            if (p.getKey() - f[0] > 1_000_000_000L) {
                break; // nothing painted for a second: not this frame's doing
            }
        }
        return 0;
    }

    /** Pulses that painted something from the first measured frame on. */
    public int paintedPulses() {
        long runStart = frames.values().stream().mapToLong(f -> f[0]).min().orElse(Long.MIN_VALUE);
        int n = 0;
        for (long[] p : pulses.values()) {
            n += p[1] != 0 && p[0] >= runStart ? 1 : 0;
        }
        return n;
    }

    /** Where pulse time goes during the run: each JavaFX phase with its thread, count, p50, p95 and max. */
    public void printPhases(PrintStream out) {
        long runStart = frames.values().stream().mapToLong(f -> f[0]).min().orElse(Long.MIN_VALUE);
        Map<String, List<Long>> byName = new TreeMap<>();
        for (Object[] ph : phases) {
            if ((long) ph[1] >= runStart) {
                byName.computeIfAbsent((String) ph[0], k -> new ArrayList<>()).add((long) ph[2]);
            }
        }
        out.println("JavaFX pulse phases during the run (wall time, from JavaFX's own JFR events):");
        for (Map.Entry<String, List<Long>> e : byName.entrySet()) {
            long[] v = e.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
            out.printf(Locale.ROOT, "  %-42s %6d x  p50 %6.2f  p95 %6.2f  max %7.1f ms  total %7.0f ms%n", e.getKey(),
                    v.length, pick(v, 50) / 1e6, pick(v, 95) / 1e6, v[v.length - 1] / 1e6,
                    Arrays.stream(v).sum() / 1e6);
        }
    }

    private static long pick(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}

package dev.poolscope.ui.timeline;

import dev.poolscope.engine.RunEvent;
import dev.poolscope.os.OsState;
import java.util.Arrays;
import java.util.Locale;

/**
 * The operating system's samples of one lane's processes, in time order, for the CPU strip, the
 * state beside the PID and the hover text. Plain Java, touched only on the FX thread (like
 * {@link TimelineModel}). Each sample covers [from, at]: from its process's previous sample, or one
 * sampling period back for a process's first.
 *
 * <p>The header's "R 98%" changes at most twice a second: the latest state letter with the mean
 * CPU over the last half second, so it can be read. A worker that sleeps between short tasks
 * flips between R and S at the sampling rate; shown at once, that flicker would say nothing and
 * repaint the header ten times a second. A stop (SIGSTOP) and its end show at once, and so does
 * a new process. Lanes take their turns ({@link #OsTrack(int)}), so the headers of a large pool
 * do not all change in the same frame.
 */
public final class OsTrack {
    private static final long PERIOD_NS = 100_000_000L;
    private static final long HEADER_EVERY_NS = 500_000_000L;
    /** Where in the half second this lane's header changes: lane i at (i mod 5) sampling periods. */
    private final long headerPhaseNs;
    private long[] from = new long[64];
    private long[] at = new long[64];
    private float[] cpu = new float[64];
    private char[] state = new char[64];
    private long[] rss = new long[64];
    private long[] pid = new long[64];
    private int size;
    private long headerAt = Long.MIN_VALUE;
    private String headerText = "";
    private char headerState = OsState.UNKNOWN;
    private long headerPid = -1;
    /** A thread lane: a thread that is not running reads "waiting" (see {@link OsState#describeThread}). */
    boolean thread;

    /** A lane's track: {@code lane} sets its turn to change the header (see above). */
    public OsTrack(int lane) {
        headerPhaseNs = Math.floorMod(lane, (int) (HEADER_EVERY_NS / PERIOD_NS)) * PERIOD_NS;
    }

    /** Adds a sample; returns true when the header's OS text changed. */
    boolean add(RunEvent.WorkerSampled s, long lanePid) {
        if (size == at.length) {
            int n = size * 2;
            from = Arrays.copyOf(from, n);
            at = Arrays.copyOf(at, n);
            cpu = Arrays.copyOf(cpu, n);
            state = Arrays.copyOf(state, n);
            rss = Arrays.copyOf(rss, n);
            pid = Arrays.copyOf(pid, n);
        }
        long start = s.at() - PERIOD_NS;
        for (int i = size - 1; i >= 0 && i >= size - 64; i--) {
            if (pid[i] == s.pid()) {
                start = at[i];
                break;
            }
        }
        from[size] = Math.min(start, s.at());
        at[size] = s.at();
        cpu[size] = (float) s.cpuPct();
        state[size] = s.state();
        rss[size] = s.rssKb();
        pid[size] = s.pid();
        size++;
        if (s.pid() != lanePid) {
            return false;
        }
        boolean newProcess = s.pid() != headerPid;
        boolean stopChanged = OsState.isStopped(s.state()) != OsState.isStopped(headerState);
        if (newProcess || stopChanged || s.at() - headerAt >= HEADER_EVERY_NS) {
            // A change shows with its own sample's figure; a steady process with the half-second mean.
            double pct = newProcess || stopChanged ? s.cpuPct() : meanCpu(s.pid(), s.at() - HEADER_EVERY_NS, s.at());
            String text = thread ? threadText(s.state(), pct) : text(s.state(), pct);
            headerState = s.state();
            // A new process starts its half seconds at its lane's turn.
            headerAt = newProcess ? s.at() - headerPhaseNs : s.at();
            headerPid = s.pid();
            if (!text.equals(headerText)) {
                headerText = text;
                return true;
            }
        }
        return false;
    }

    /** "R 98%": the state letter and CPU % beside the PID; "" before the first sample. */
    public String headerText() {
        return headerText;
    }

    /** The PID whose figures the header text shows. */
    public long headerPid() {
        return headerPid;
    }

    /** The state letter the header shows. */
    public char headerState() {
        return headerState;
    }

    public int size() {
        return size;
    }

    public long from(int i) {
        return from[i];
    }

    public long at(int i) {
        return at[i];
    }

    public double cpu(int i) {
        return cpu[i];
    }

    public char state(int i) {
        return state[i];
    }

    public long rssKb(int i) {
        return rss[i];
    }

    public long pid(int i) {
        return pid[i];
    }

    /** Index of the first sample that ends at or after {@code ns} (size when none). */
    public int firstEndingAfter(double ns) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (at[mid] < ns) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The sample covering {@code ns}, or -1. */
    public int sampleAt(double ns) {
        int i = firstEndingAfter(ns);
        return i < size && from[i] <= ns ? i : -1;
    }

    /** What the hover shows for a sample: "PID 1234 · R running · CPU 98% · 42 MB". */
    public String describe(int i) {
        StringBuilder b = new StringBuilder();
        b.append("OS: PID ").append(pid[i]).append("  \u00b7  ").append(state[i]).append(' ')
                .append(thread ? OsState.describeThread(state[i]) : OsState.describe(state[i]))
                .append(String.format(Locale.ROOT, "  \u00b7  CPU %.0f%%", cpu[i]));
        if (rss[i] >= 0) {
            b.append(String.format(Locale.ROOT, "  \u00b7  %.1f MB", rss[i] / 1024.0));
        }
        return b.toString();
    }

    private double meanCpu(long p, long fromNs, long toNs) {
        double sum = 0;
        double time = 0;
        for (int i = size - 1; i >= 0 && at[i] > fromNs; i--) {
            if (pid[i] == p) {
                long lo = Math.max(from[i], fromNs);
                long span = Math.max(0, Math.min(at[i], toNs) - lo);
                sum += cpu[i] * span;
                time += span;
            }
        }
        return time > 0 ? sum / time : cpu[size - 1];
    }

    /**
     * "R 50%": the CPU in steps of 5 %, finer than a class can read off the strip anyway, so
     * the header is repainted only when the figure really moves.
     */
    static String threadText(char state, double cpuPct) {
        long shown = Math.round(cpuPct / 5) * 5;
        return (state == 'R' ? "running " : state == 'S' || state == 'D' ? "waiting " : state + " ") + shown + "%";
    }

    static String text(char state, double cpuPct) {
        long shown = Math.round(cpuPct / 5) * 5;
        return state == OsState.UNKNOWN ? shown + "%" : state + " " + shown + "%";
    }
}

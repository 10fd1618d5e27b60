package dev.poolscope.worker;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.time.Duration;

/**
 * The CPU time the worker's task thread has used, so that a {@code spin} of N ms costs N ms of
 * CPU: two workers spinning on one core then each take about twice as long, as real CPU-bound
 * Python tasks do (issue 8). A wall-clock deadline would end every spin on time however little
 * CPU it got, and a pool larger than the machine would seem to scale.
 *
 * <p>Why measured, not calibrated: calibrating "so many loop rounds = 1 ms" at start-up costs
 * every worker start-up time, and is wrong whenever it runs on a busy core (exactly when a pool
 * starts) or the clock speed changes. Why not {@code ThreadMXBean}: it lives in
 * {@code java.management}, and the worker uses {@code java.base} only, to start fast.
 *
 * <p>Sources, best first: Linux's {@code /proc/thread-self/schedstat}, whose first field is the
 * nanoseconds this thread has run (the kernel updates it at each scheduler tick and switch, so
 * a reading lags by at most one tick, 1-4 ms: a spin ends at most that much late); then the
 * whole process's CPU time from {@link ProcessHandle.Info#totalCpuDuration()} (10 ms steps, and
 * it counts the JVM's own threads too); and, where neither exists, the wall clock.
 */
final class CpuClock implements AutoCloseable {
    private static final String SCHEDSTAT = "/proc/thread-self/schedstat";

    private enum Source { THREAD, PROCESS, WALL }

    private final Source source;
    private final RandomAccessFile schedstat;
    private final byte[] buf = new byte[96];

    private CpuClock(Source source, RandomAccessFile schedstat) {
        this.source = source;
        this.schedstat = schedstat;
    }

    /** A clock for the calling thread (the schedstat file is the thread's that opens it). */
    static CpuClock forThisThread() {
        try {
            RandomAccessFile file = new RandomAccessFile(SCHEDSTAT, "r");
            CpuClock clock = new CpuClock(Source.THREAD, file);
            if (clock.nanos() > 0) {
                return clock; // a kernel without scheduler statistics reports 0 here
            }
            file.close();
        } catch (IOException | NumberFormatException e) {
            // not Linux, or /proc not mounted: fall through
        }
        if (ProcessHandle.current().info().totalCpuDuration().isPresent()) {
            return new CpuClock(Source.PROCESS, null);
        }
        return new CpuClock(Source.WALL, null);
    }

    /** CPU nanoseconds used so far (or wall nanoseconds, as the last resort). */
    long nanos() throws IOException {
        switch (source) {
            case THREAD:
                schedstat.seek(0);
                int n = schedstat.read(buf);
                long value = 0;
                for (int i = 0; i < n && buf[i] >= '0' && buf[i] <= '9'; i++) {
                    value = value * 10 + (buf[i] - '0');
                }
                return value;
            case PROCESS:
                return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
            default:
                return System.nanoTime();
        }
    }

    @Override
    public void close() throws IOException {
        if (schedstat != null) {
            schedstat.close();
        }
    }
}

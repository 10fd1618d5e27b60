package dev.poolscope.os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How much CPU other programs took from the machine while a test ran: all CPUs' busy time
 * (/proc/stat) minus this JVM's own and its reaped children's (the workers; /proc/self/stat
 * utime, stime, cutime, cstime). Independent of the sampler under test. Tests on a machine
 * shared with other builds use it to tell "the sampler is wrong" from "the CPU was not there".
 */
final class MachineShare {
    private final long[] start;
    private final long startNs;

    private MachineShare(long[] start, long startNs) {
        this.start = start;
        this.startNs = startNs;
    }

    /** What others used over a window: in cores on average (0.5 = half a core). */
    record Window(double otherCores, double seconds) {
        @Override
        public String toString() {
            return String.format("other programs used %.2f cores on average over %.1f s", otherCores, seconds);
        }
    }

    static boolean available() {
        return Files.isReadable(Path.of("/proc/stat"));
    }

    static MachineShare start() {
        return new MachineShare(read(), System.nanoTime());
    }

    Window stop() {
        long[] end = read();
        double seconds = (System.nanoTime() - startNs) / 1e9;
        long busy = end[0] - start[0];
        long ours = end[1] - start[1];
        double others = Math.max(0, busy - ours) / (double) LinuxProcProbe.CLK_TCK;
        return new Window(seconds > 0 ? others / seconds : 0, seconds);
    }

    /**
     * Waits (up to {@code maxSeconds}) until other programs use under {@code cores} for a second,
     * so a test that needs the CPUs starts on a quiet machine. Returns the last window measured.
     */
    static Window awaitQuiet(double cores, int maxSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
        Window w;
        do {
            MachineShare m = start();
            Thread.sleep(1000);
            w = m.stop();
        } while (w.otherCores() >= cores && System.nanoTime() < deadline);
        return w;
    }

    /** {machine busy ticks, this JVM's and its reaped children's ticks}; zeros without /proc. */
    private static long[] read() {
        try {
            String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = cpu.trim().split(" +");
            // cpu user nice system idle iowait irq softirq steal ...: busy is all but idle and iowait.
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(f[i]);
                }
            }
            String self = new String(Files.readAllBytes(Path.of("/proc/self/stat"))).trim();
            String[] rest = self.substring(self.lastIndexOf(')') + 1).trim().split(" +");
            // fields 14-17 (utime, stime, cutime, cstime) are rest[11..14]
            long ours = Long.parseLong(rest[11]) + Long.parseLong(rest[12]) + Long.parseLong(rest[13])
                    + Long.parseLong(rest[14]);
            return new long[] {busy, ours};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }
}

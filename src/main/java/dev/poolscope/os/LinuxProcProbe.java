package dev.poolscope.os;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Reads {@code /proc/PID/stat}: user + system CPU ticks (summed over all the process's threads),
 * resident pages and the state letter. One read is one small file, about 20 microseconds.
 *
 * <p>The state letter there is the main thread's only. A JVM's main thread just waits for the
 * Java main thread it started, so a spinning worker would read "S". So when the main thread
 * sleeps, the thread found running last time is read too, and when the process used CPU since
 * its last reading, all its threads under {@code /proc/PID/task} (stopping at the first running
 * one): the process is R if any thread is R (running, or runnable and waiting for a core: a
 * starved spinning worker is R with little CPU), else D if any is in disk wait. A stopped
 * (SIGSTOP) or zombie process shows it in the main thread's letter. An idle worker costs two
 * small reads a sample.
 */
final class LinuxProcProbe implements ProcessProbe {
    private static final Path PROC = Path.of("/proc");
    /** Clock ticks per second and page size, asked of getconf once per JVM. */
    static final long CLK_TCK = getconf("CLK_TCK", 100);
    static final long PAGE_SIZE = getconf("PAGESIZE", 4096);
    /** Thread lists are listed again after this many readings (JVM threads come and go rarely). */
    private static final int RELIST_EVERY = 20;

    /** Per process: its thread ids, the one last seen running, and its CPU at the last reading. */
    private static final class Threads {
        long[] tids = new long[0];
        long lastRunning = -1;
        long lastTicks = -1;
        int readings;
    }

    private final Map<Long, Threads> threads = new ConcurrentHashMap<>();

    static boolean available() {
        return Files.isReadable(PROC.resolve("self").resolve("stat"));
    }

    @Override
    public Reading read(long pid) {
        ProcStat s = stat(PROC.resolve(Long.toString(pid)).resolve("stat"));
        if (s == null) {
            threads.remove(pid);
            return null; // the process has ended (or is not ours to read)
        }
        Threads t = threads.computeIfAbsent(pid, p -> new Threads());
        long ticks = s.utimeTicks() + s.stimeTicks();
        char state = s.state();
        if (state == 'S' || state == 'I') {
            state = busiestThreadState(pid, t, state, ticks != t.lastTicks);
        }
        t.lastTicks = ticks;
        return reading(s, state);
    }

    /**
     * One thread: its own state letter and resident pages (the process's: threads share its
     * memory) from {@code /proc/PID/task/TID/stat}, and its CPU time from the first field of
     * {@code schedstat}, in nanoseconds (stat's ticks are 10 ms, too coarse at 20 readings a
     * second); where schedstat is missing (a kernel without schedstats), the ticks.
     */
    @Override
    public Reading readThread(long pid, long tid) {
        Path dir = PROC.resolve(Long.toString(pid)).resolve("task").resolve(Long.toString(tid));
        ProcStat s = stat(dir.resolve("stat"));
        if (s == null) {
            return null;
        }
        long ns = SchedStat.cpuNanos(dir.resolve("schedstat"));
        Reading r = reading(s, s.state());
        return ns < 0 ? r : new Reading(ns, r.state(), r.rssKb());
    }

    @Override
    public void forget(long pid) {
        threads.remove(pid);
    }

    /** A stat line's figures in the units samples use. */
    static Reading reading(ProcStat s, char state) {
        long ticks = s.utimeTicks() + s.stimeTicks();
        return new Reading(ticks * 1_000_000_000L / CLK_TCK, state, s.rssPages() * PAGE_SIZE / 1024);
    }

    @Override
    public String missing() {
        return "";
    }

    /** R if a thread is running, else D if one is in disk wait, else the main thread's letter. */
    private char busiestThreadState(long pid, Threads t, char main, boolean usedCpu) {
        Path dir = PROC.resolve(Long.toString(pid)).resolve("task");
        if (t.lastRunning >= 0 && threadState(dir, t.lastRunning) == 'R') {
            return 'R';
        }
        if (!usedCpu) {
            return main; // the usual runner is checked; a full scan only when some thread had a core
        }
        if (t.readings++ % RELIST_EVERY == 0 || t.tids.length == 0) {
            t.tids = list(dir);
        }
        char best = main;
        for (long tid : t.tids) {
            char c = threadState(dir, tid);
            if (c == 'R') {
                t.lastRunning = tid;
                return 'R';
            }
            if (c == 'D') {
                best = 'D';
            }
        }
        return best;
    }

    private static char threadState(Path taskDir, long tid) {
        ProcStat s = stat(taskDir.resolve(Long.toString(tid)).resolve("stat"));
        return s == null ? '?' : s.state();
    }

    private static long[] list(Path taskDir) {
        long[] out = new long[32];
        int n = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(taskDir)) {
            for (Path p : ds) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                try {
                    out[n++] = Long.parseLong(p.getFileName().toString());
                } catch (NumberFormatException e) {
                    n--;
                }
            }
        } catch (IOException e) {
            return new long[0];
        }
        return Arrays.copyOf(out, n);
    }

    /** Reads and parses a stat file; null when it is gone or odd. A plain stream: cheaper than Files here. */
    private static ProcStat stat(Path file) {
        try (FileInputStream in = new FileInputStream(file.toString())) {
            byte[] buf = new byte[512];
            int n = 0;
            int r;
            while ((r = in.read(buf, n, buf.length - n)) > 0) {
                n += r;
                if (n == buf.length) {
                    buf = Arrays.copyOf(buf, n * 2);
                }
            }
            return ProcStat.parse(new String(buf, 0, n, StandardCharsets.UTF_8).trim());
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** A getconf value, or the fallback when getconf is missing or says something odd. */
    static long getconf(String name, long fallback) {
        try {
            Process p = new ProcessBuilder("getconf", name).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return fallback;
            }
            long v = Long.parseLong(out);
            return v > 0 ? v : fallback;
        } catch (IOException | NumberFormatException e) {
            return fallback;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallback;
        }
    }
}

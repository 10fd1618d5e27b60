package dev.poolscope.os;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Linux's {@code /proc/PID/task/TID/schedstat}: three numbers, the first the thread's time on a
 * CPU in nanoseconds (then its time waiting to run, and its number of time slices).
 */
final class SchedStat {
    private SchedStat() {}

    /** The time on a CPU of a schedstat line, in ns; throws IllegalArgumentException naming what is wrong. */
    static long parse(String line) {
        String text = line == null ? "" : line.trim();
        int end = text.indexOf(' ');
        String first = end < 0 ? text : text.substring(0, end);
        try {
            long ns = Long.parseLong(first);
            if (ns < 0) {
                throw new NumberFormatException();
            }
            return ns;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("schedstat does not start with a CPU time in ns: '" + text + "'");
        }
    }

    /** The CPU time in the file, or -1 when it is missing or odd. */
    static long cpuNanos(Path file) {
        try (FileInputStream in = new FileInputStream(file.toString())) {
            byte[] buf = in.readNBytes(128);
            return parse(new String(buf, StandardCharsets.US_ASCII));
        } catch (IOException | IllegalArgumentException e) {
            return -1;
        }
    }
}

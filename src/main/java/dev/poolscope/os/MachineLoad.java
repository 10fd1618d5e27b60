package dev.poolscope.os;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's CPU count and load average: how many cores the workers share, and how busy they are. */
public final class MachineLoad {
    private static final Path LOADAVG = Path.of("/proc/loadavg");

    private MachineLoad() {}

    /** CPUs this JVM may use (what a pool of "CPU count" workers gets). */
    public static int cpus() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * The 1-minute load average: processes running or waiting to run, averaged. -1 when unknown.
     * Reads /proc/loadavg on Linux; elsewhere the JDK's figure (which may also be unknown).
     */
    public static double load1() {
        try {
            String text = new String(Files.readAllBytes(LOADAVG), StandardCharsets.US_ASCII).trim();
            return Double.parseDouble(text.split(" +")[0]);
        } catch (IOException | RuntimeException e) {
            double jdk = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return jdk >= 0 ? jdk : -1;
        }
    }
}

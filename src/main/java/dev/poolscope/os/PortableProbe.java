package dev.poolscope.os;

import java.time.Duration;
import java.util.Optional;

/**
 * The probe for systems without /proc (macOS, Windows): {@link ProcessHandle.Info#totalCpuDuration()}
 * gives the CPU time, so CPU % works; the OS state and resident memory are not available from
 * the JDK, so samples say '?' and -1 for them.
 */
final class PortableProbe implements ProcessProbe {
    @Override
    public Reading read(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return null;
        }
        Optional<Duration> cpu = handle.get().info().totalCpuDuration();
        return cpu.map(d -> new Reading(d.toNanos(), OsState.UNKNOWN, -1)).orElse(null);
    }

    @Override
    public String missing() {
        return "no /proc here: the OS state (running, sleeping, stopped) and resident memory are not shown, only CPU %";
    }
}

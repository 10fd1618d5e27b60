package dev.poolscope.cli;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * A test's own main (see {@link UiStopSignalTest}): runs {@code poolscope ui ...} as
 * {@code dev.poolscope.Main} does, and sends this JVM a SIGTERM at a chosen moment, while a
 * shutdown hook of 2.5 s keeps the JVM's exit going (any hook that takes a while, such as one
 * ending processes, does the same). So the moment a "sometimes" depends on is made every time:
 * <ul>
 * <li>{@code before}: the SIGTERM comes, and the exit is under way, before {@code ui} starts
 *     its window JVM (a signal in the first second of a start);
 * <li>{@code during}: the SIGTERM comes once the window JVM runs; that window ends, and the
 *     launching JVM goes on while its exit is under way.
 * </ul>
 */
public final class UiTermHarness {
    private UiTermHarness() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String[] command = Arrays.copyOfRange(args, 1, args.length);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Thread.sleep(2500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "slow-hook"));
        if (mode.equals("before")) {
            term();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!exiting() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        } else {
            Thread t = new Thread(() -> {
                try {
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                    while (!windowJvmRuns() && System.nanoTime() < deadline) {
                        Thread.sleep(20);
                    }
                    Thread.sleep(1000);
                    term();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "term-later");
            t.setDaemon(true);
            t.start();
        }
        System.exit(dev.poolscope.cli.PoolScopeCommand.execute(command));
    }

    private static void term() throws Exception {
        new ProcessBuilder("kill", "-TERM", Long.toString(ProcessHandle.current().pid())).start().waitFor();
    }

    /** Whether this JVM's exit has begun (no hook can be added any more). */
    private static boolean exiting() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    private static boolean windowJvmRuns() {
        return ProcessHandle.current().descendants()
                .anyMatch(p -> p.info().commandLine().orElse("").contains("-XX:TieredStopAtLevel=1"));
    }
}

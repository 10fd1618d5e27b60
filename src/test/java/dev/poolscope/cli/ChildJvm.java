package dev.poolscope.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * PoolScope started as a child JVM ({@code dev.poolscope.Main} on this test's class path), with
 * stdout and stderr in files, and a marker in its environment that every worker it starts
 * inherits: the workers of this one test can be found, even after their parent is gone,
 * without looking at other tests' processes.
 */
final class ChildJvm {
    final Process process;
    private final Path out;
    private final Path err;
    private final String marker;

    private ChildJvm(Process process, Path out, Path err, String marker) {
        this.process = process;
        this.out = out;
        this.err = err;
        this.marker = marker;
    }

    /**
     * Starts {@code java [jvmFlags] dev.poolscope.Main args}; {@code env} adjusts the environment
     * (null values remove a variable). SIGINT is reset to its default first: a child started from
     * a background job of a non-interactive shell would otherwise inherit it ignored.
     */
    static ChildJvm start(Path dir, List<String> jvmFlags, Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("env", "--default-signal=INT",
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmFlags);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.poolscope.Main"));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        String marker = "poolscope-test-" + UUID.randomUUID();
        pb.environment().put("POOLSCOPE_TEST_MARKER", marker);
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        return new ChildJvm(pb.start(), out, err, marker);
    }

    String stdout() throws IOException {
        return Files.readString(out);
    }

    String stderr() throws IOException {
        return Files.readString(err);
    }

    /** Workers of this child alive now (found by the marker in their environment; Linux /proc). */
    List<Long> liveWorkers() {
        String needle = "POOLSCOPE_TEST_MARKER=" + marker;
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != process.pid() && p.isAlive())
                .filter(p -> p.info().commandLine().orElse("").contains("dev.poolscope.worker"))
                .filter(p -> environmentHas(p.pid(), needle))
                .map(ProcessHandle::pid).toList();
    }

    /** Waits up to {@code millis} for every worker of this child to be gone; returns those left. */
    List<Long> workersLeftAfter(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        List<Long> left = liveWorkers();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            left = liveWorkers();
        }
        return left;
    }

    /** Ends the child and any worker of it still there (a failed test must not leave processes). */
    void cleanUp() {
        process.destroyForcibly();
        for (long pid : liveWorkers()) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private static boolean environmentHas(long pid, String entry) {
        try {
            byte[] env = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"));
            for (String e : new String(env, java.nio.charset.StandardCharsets.UTF_8).split("\0")) {
                if (e.equals(entry)) {
                    return true;
                }
            }
            return false;
        } catch (IOException | SecurityException e) {
            return false; // gone meanwhile, or not ours to read
        }
    }
}

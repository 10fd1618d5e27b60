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
        return start(List.of(), dir, jvmFlags, env, args);
    }

    /**
     * As {@link #start}, in a session and process group of its own (its PID names the group), as
     * a shell starts a command in a terminal: {@link #signalGroup} then does what Ctrl+C does.
     */
    static ChildJvm startInOwnGroup(Path dir, Map<String, String> env, String... args) throws IOException {
        return start(List.of("setsid"), dir, List.of(), env, args);
    }

    /** As {@link #start}, running {@code mainClass} (a test's own main on this class path) instead of PoolScope's. */
    static ChildJvm startClass(Path dir, String mainClass, List<String> jvmFlags, String... args) throws IOException {
        return start(List.of(), mainClass, dir, jvmFlags, Map.of(), args);
    }

    private static ChildJvm start(List<String> prefix, Path dir, List<String> jvmFlags, Map<String, String> env,
                                  String... args) throws IOException {
        return start(prefix, "dev.poolscope.Main", dir, jvmFlags, env, args);
    }

    private static ChildJvm start(List<String> prefix, String mainClass, Path dir, List<String> jvmFlags,
                                  Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(prefix);
        // The signals the tests send start at their defaults, however the suite was started: a
        // suite run under nohup (SIGHUP ignored) or from a background job (SIGINT ignored) would
        // hand its children an ignored signal, and the JVM leaves an ignored signal ignored.
        cmd.addAll(List.of("env", "--default-signal=INT,HUP,TERM",
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmFlags);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
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

    /** Sends {@code signal} ("INT", "TERM", ...) to the child's whole process group, as a terminal does. */
    void signalGroup(String signal) throws IOException, InterruptedException {
        int rc = new ProcessBuilder("kill", "-" + signal, "--", "-" + process.pid()).start().waitFor();
        if (rc != 0) {
            throw new IOException("kill -" + signal + " -" + process.pid() + " exited with " + rc);
        }
    }

    /** Sends {@code signal} to the child process alone. */
    void signal(String signal) throws IOException, InterruptedException {
        int rc = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
        if (rc != 0) {
            throw new IOException("kill -" + signal + " " + process.pid() + " exited with " + rc);
        }
    }

    /**
     * Every process of this child still running (not a zombie waiting for init), whatever it is:
     * workers, Python processes, helpers; waits up to {@code millis} for them to go.
     */
    List<String> leftBehindAfter(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        List<String> left = leftBehind();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            left = leftBehind();
        }
        return left;
    }

    private List<String> leftBehind() {
        String needle = "POOLSCOPE_TEST_MARKER=" + marker;
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != process.pid() && p.isAlive() && !isZombie(p.pid()))
                .filter(p -> environmentHas(p.pid(), needle))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
    }

    private static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException | RuntimeException e) {
            return true; // gone
        }
    }

    Path stdoutFile() {
        return out;
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
        String needle = "POOLSCOPE_TEST_MARKER=" + marker;
        ProcessHandle.allProcesses().filter(p -> environmentHas(p.pid(), needle)).forEach(ProcessHandle::destroyForcibly);
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

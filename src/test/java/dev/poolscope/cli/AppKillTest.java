package dev.poolscope.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app itself SIGKILLed mid-run: no shutdown hook runs, yet every worker goes within 2 s. */
class AppKillTest {
    @TempDir
    Path dir;

    static List<ProcessHandle> workersOf(Process app) {
        return app.descendants().filter(p -> p.info().commandLine().orElse("").contains("dev.poolscope.worker"))
                .collect(Collectors.toList());
    }

    /** Starts a child JVM running PoolScope with the given arguments and waits until it has {@code count} workers. */
    static Process startApp(int count, List<String> jvmFlags, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmFlags);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.poolscope.Main"));
        cmd.addAll(List.of(args));
        Process app = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        // Start-up is not what is tested: a loaded 2-core machine can take 15 s and more to start
        // a JVM, JavaFX and the workers.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (workersOf(app).size() < count) {
            assertTrue(System.nanoTime() < deadline, "the app never started " + count + " workers");
            assertTrue(app.isAlive(), "the app exited early");
            Thread.sleep(20);
        }
        return app;
    }

    /**
     * Waits until the tasks run, seen from outside: the worker with the spin task has used 300 ms
     * more CPU than the one with the least (which only started its JVM, or sleeps in its task).
     */
    static void awaitSpinning(Process app) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            List<Long> cpuMs = workersOf(app).stream()
                    .map(p -> p.info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(0L)).toList();
            if (cpuMs.size() >= 2 && cpuMs.stream().mapToLong(Long::longValue).max().orElse(0)
                    - cpuMs.stream().mapToLong(Long::longValue).min().orElse(0) >= 300) {
                return;
            }
            assertTrue(System.nanoTime() < deadline, "the spin task never ran: workers' CPU ms " + cpuMs);
            assertTrue(app.isAlive(), "the app exited early");
            Thread.sleep(20);
        }
    }

    /**
     * Alive and not a zombie: a killed worker whose parent died waits for init to reap it, and this
     * machine's init reaps late, so a dead worker can show as alive (state Z) for a second or more.
     */
    static boolean running(ProcessHandle p) {
        if (!p.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (java.io.IOException e) {
            return false; // gone between the two looks
        }
    }

    static void killAndExpectWorkersGone(Process app) throws Exception {
        List<ProcessHandle> workers = workersOf(app);
        assertTrue(new ProcessBuilder("kill", "-KILL", Long.toString(app.pid())).start().waitFor() == 0);
        app.waitFor(5, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (workers.stream().anyMatch(AppKillTest::running) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        List<Long> left = workers.stream().filter(AppKillTest::running).map(ProcessHandle::pid).toList();
        left.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        assertTrue(left.isEmpty(), "workers outlived the killed app by 2 s: " + left);
    }

    @Test
    void killingTheCliMidRunTakesEveryWorkerWithIt() throws Exception {
        Path scenario = dir.resolve("busy.json");
        // One worker spinning (busy), one sleeping (blocked in a task), one idle: all must go.
        Files.writeString(scenario, "{\"mode\": \"imap\", \"pool\": 3, \"tasks\": ["
                + "{\"name\": \"spin\", \"kind\": \"spin\", \"ms\": 600000},"
                + "{\"name\": \"nap\", \"kind\": \"sleep\", \"ms\": 600000}]}");
        Process app = startApp(3, List.of(), "run", "--scenario", scenario.toString());
        awaitSpinning(app);
        killAndExpectWorkersGone(app);
    }

    @Test
    void killingTheWindowMidRunTakesEveryWorkerWithIt() throws Exception {
        Path scenario = dir.resolve("window.json");
        Files.writeString(scenario, "{\"mode\": \"map\", \"pool\": 2, \"chunksize\": 1, \"tasks\": ["
                + "{\"name\": \"spin\", \"kind\": \"spin\", \"ms\": 600000},"
                + "{\"name\": \"nap\", \"kind\": \"sleep\", \"ms\": 600000}]}");
        // The real window, on Monocle's headless screen, told to open the file and run it at once.
        List<String> headless = List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Djava.awt.headless=true", "-Dheadless.geometry=1600x1000-32");
        Process app = startApp(2, headless, "ui", "--open", scenario.toString(), "--run");
        awaitSpinning(app);
        killAndExpectWorkersGone(app);
    }
}

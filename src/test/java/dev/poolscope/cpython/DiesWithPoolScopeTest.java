package dev.poolscope.cpython;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PoolScope killed with SIGKILL (no shutdown hook runs): the main interpreter dies by its
 * parent-death signal, and every child, even one spinning on the CPU whose parent is already
 * gone, ends itself when its tracer's connection closes. Nothing is left after 2 s.
 */
class DiesWithPoolScopeTest {
    @TempDir
    Path dir;

    @Test
    void noPythonProcessOutlivesAKilledPoolScope() throws Exception {
        PythonRuns.python();
        Path program = PythonRuns.program(dir, "busy.py", """
                import multiprocessing, time

                def spin():
                    while True:
                        pass

                def nap(s):
                    time.sleep(s)

                if __name__ == "__main__":
                    p = multiprocessing.Process(target=spin)
                    p.start()
                    with multiprocessing.Pool(2) as pool:
                        pool.map(nap, [600, 600])
                """);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process app = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), KillTargetMain.class.getName(),
                program.toString()).redirectErrorStream(true).start();
        List<Long> pids = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("pids ")) {
                // the child JVM's own chatter
            }
            assertTrue(line != null, "the app never said its PIDs");
            for (String pid : line.substring(5).trim().split(" ")) {
                pids.add(Long.parseLong(pid));
            }
            assertTrue(pids.size() == 4, pids::toString);
            assertTrue(pids.stream().allMatch(pid -> ProcessHandle.of(pid).isPresent()), "all running before the kill");
            app.destroyForcibly(); // SIGKILL: no shutdown hook
            app.waitFor(10, TimeUnit.SECONDS);
        } finally {
            app.destroyForcibly();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        List<Long> alive;
        do {
            alive = pids.stream().filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).toList();
            if (alive.isEmpty()) {
                return;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        alive.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        throw new AssertionError("still running 2 s after PoolScope was killed: " + alive);
    }
}

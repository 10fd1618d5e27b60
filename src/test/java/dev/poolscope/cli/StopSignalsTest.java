package dev.poolscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poolscope.cpython.PythonRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SIGTERM ({@code timeout}, CI, a service manager: to PoolScope alone) and SIGHUP (a closed
 * terminal: to the whole group) end a Python pool run as Ctrl+C does: the partial report, the
 * trace, exit 128 + the signal, and no process of the run left. They used to end the JVM at
 * once: exit 143/129 with no report, no trace, no message.
 */
@EnabledOnOs(OS.LINUX)
class StopSignalsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"TERM, false, 143, SIGTERM", "HUP, true, 129, SIGHUP"})
    void aSignalEndsAPythonPoolRunWithAPartialReportAndLeavesNothing(String signal, boolean toGroup, int exit,
                                                                     String said) throws Exception {
        PythonRuns.python();
        Path program = Files.writeString(dir.resolve("naps.py"), """
                import time
                from multiprocessing import Pool

                def nap(i):
                    time.sleep(0.1)
                    return i

                if __name__ == "__main__":
                    with Pool(2) as pool:
                        print(pool.map(nap, range(10000), chunksize=1))
                """);
        Path trace = dir.resolve("partial.json");
        ChildJvm app = ChildJvm.startInOwnGroup(dir, Map.of(), "run", "--python", program.toString(),
                "--trace", trace.toString());
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!app.stderr().contains("Running")) {
                assertTrue(System.nanoTime() < deadline && app.process.isAlive(), "never ran; stderr: " + app.stderr());
                Thread.sleep(20);
            }
            Thread.sleep(1500); // the workers are under way
            if (toGroup) {
                app.signalGroup(signal);
            } else {
                app.signal(signal);
            }
            assertTrue(app.process.waitFor(30, TimeUnit.SECONDS), "still running 30 s after SIG" + signal);
            assertEquals(exit, app.process.exitValue(), app.stderr());
            assertEquals(List.of(), app.leftBehindAfter(2000), "processes of the run left running");

            String out = app.stdout();
            assertTrue(out.contains("stopped before every task ran"), out);
            assertTrue(out.lines().anyMatch(l -> l.contains("nap(") && l.contains("cancelled")), out);
            assertTrue(app.stderr().contains("Stopped by " + said), app.stderr());
            JsonNode json = new ObjectMapper().readTree(trace.toFile());
            assertTrue(json.get("stopped").asBoolean(), "the trace says the run was stopped");
            assertTrue(json.get("tasks").size() > 2, "the trace keeps the tasks that ran: " + json.get("tasks").size());
        } finally {
            app.cleanUp();
        }
    }
}

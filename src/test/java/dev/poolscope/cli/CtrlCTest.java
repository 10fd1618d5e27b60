package dev.poolscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl+C (SIGINT to the PoolScope process) during 'run', on a real child JVM with real workers. */
@EnabledOnOs(OS.LINUX)
class CtrlCTest {
    @TempDir
    Path dir;

    private static void sigint(Process p) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor());
    }

    @Test
    void ctrlCThreeHundredMsAfterStartExits130WithinThreeSecondsAndLeavesNoWorker() throws Exception {
        ChildJvm app = ChildJvm.start(dir, List.of(), Map.of(), "run", "--lesson", "sleepy", "--pool", "32");
        try {
            Thread.sleep(300);
            sigint(app.process);
            long t0 = System.nanoTime();
            boolean ended = app.process.waitFor(3, TimeUnit.SECONDS);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ended, "still running 3 s after Ctrl+C; stderr: " + app.stderr());
            assertEquals(130, app.process.exitValue(), "exit code after Ctrl+C (after " + ms + " ms); stderr: " + app.stderr());
            assertEquals(List.of(), app.workersLeftAfter(500), "workers left after the app exited");
            assertTrue(!app.stderr().contains("Exception"), app.stderr());
        } finally {
            app.cleanUp();
        }
    }

    @Test
    void ctrlCMidRunStopsLikeTheStopButtonAndPrintsThePartialReport() throws Exception {
        Path scenario = dir.resolve("long.json");
        Files.writeString(scenario, "{\"name\": \"long\", \"mode\": \"map\", \"pool\": 2, \"chunksize\": 1, \"tasks\": ["
                + "{\"name\": \"quick\", \"kind\": \"square\", \"n\": 7},"
                + "{\"name\": \"nap\", \"kind\": \"sleep\", \"ms\": 600000, \"count\": 4}]}");
        Path trace = dir.resolve("partial.json");
        ChildJvm app = ChildJvm.start(dir, List.of(), Map.of(), "run", "--scenario", scenario.toString(),
                "--trace", trace.toString());
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (app.liveWorkers().size() < 2) {
                assertTrue(System.nanoTime() < deadline, "the run never had 2 workers; stderr: " + app.stderr());
                assertTrue(app.process.isAlive(), "the app ended early; stderr: " + app.stderr());
                Thread.sleep(50);
            }
            Thread.sleep(1000); // the workers take their first tasks
            sigint(app.process);
            assertTrue(app.process.waitFor(20, TimeUnit.SECONDS), "still running 20 s after Ctrl+C");
            assertEquals(130, app.process.exitValue(), app.stderr());
            assertEquals(List.of(), app.workersLeftAfter(500), "workers left after the app exited");

            String out = app.stdout();
            assertTrue(out.contains("stopped before every task ran"), out);
            String results = out.substring(out.indexOf("Results"), out.indexOf("Output"));
            assertTrue(results.lines().anyMatch(l -> l.contains("nap4") && l.contains("cancelled")), results);
            assertTrue(app.stderr().contains("Stopped by Ctrl+C"), app.stderr());
            assertTrue(app.stderr().contains("wrote trace to " + trace), app.stderr());

            JsonNode json = new ObjectMapper().readTree(trace.toFile());
            assertTrue(json.get("stopped").asBoolean(), "the trace says the run was stopped");
            for (JsonNode t : json.get("tasks")) {
                if (t.get("name").asText().startsWith("nap")) {
                    assertEquals("cancelled", t.get("status").asText(), t.toString());
                }
            }
        } finally {
            app.cleanUp();
        }
    }
}

package dev.poolscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl+C during 'sweep', on a real child JVM: the sweep is cancelled, exit 130, no worker left. */
@EnabledOnOs(OS.LINUX)
class SweepCtrlCTest {
    @TempDir
    Path dir;

    @Test
    void ctrlCCancelsTheSweepReportsTheFinishedRunsAndLeavesNoWorker() throws Exception {
        Path scenario = dir.resolve("naps.json");
        // The first run (pool 2) sleeps for minutes, until Ctrl+C.
        Files.writeString(scenario, "{\"name\": \"naps\", \"tasks\": [{\"name\": \"nap\", \"kind\": \"sleep\", \"ms\": 20},"
                + "{\"name\": \"long\", \"kind\": \"sleep\", \"ms\": 600000}]}");
        ChildJvm app = ChildJvm.start(dir, List.of(), Map.of(), "sweep", "--scenario", scenario.toString(), "--pools",
                "2,1", "--repeat", "1");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (app.liveWorkers().size() < 2) {
                assertTrue(System.nanoTime() < deadline, "the sweep never had 2 workers; stderr: " + app.stderr());
                assertTrue(app.process.isAlive(), "the app ended early; stderr: " + app.stderr());
                Thread.sleep(50);
            }
            Thread.sleep(500);
            assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(app.process.pid())).start().waitFor());
            assertTrue(app.process.waitFor(20, TimeUnit.SECONDS), "still running 20 s after Ctrl+C; " + app.stderr());
            assertEquals(130, app.process.exitValue(), app.stderr());
            assertEquals(List.of(), app.workersLeftAfter(500), "workers left after the app exited");
            assertTrue(app.stderr().contains("Sweep cancelled after 0 of 2 runs; no worker is left."), app.stderr());
            assertTrue(app.stdout().contains("No run of this sweep finished"), app.stdout());
            assertFalse(app.stderr().contains("Exception"), app.stderr());
        } finally {
            app.cleanUp();
        }
    }
}

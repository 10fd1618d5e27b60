package dev.poolscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    /**
     * A terminal's Ctrl+C: SIGINT to PoolScope's whole process group, 100 ms, 300 ms and 1 s after
     * the run began (its "Running" line), three times each, while 32 workers start. Workers that
     * the signal reached while they started used to be reported crashed ("killed by signal 2",
     * or "Failed to exec spawn helper ... signal: 2"); they now start in a session of their own,
     * and any that the signal still reaches is ended by the user's stop, not crashed.
     */
    @Test
    void ctrlCToTheWholeGroupWhile32WorkersStartExits130NamesNoWorkerCrashedAndLeavesNothing() throws Exception {
        List<String> problems = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (long ms : new long[] {100, 300, 1000}) {
                ChildJvm app = ChildJvm.startInOwnGroup(dir, Map.of(), "run", "--lesson", "sleepy", "--pool", "32");
                try {
                    awaitStderr(app, "Running sleepy");
                    Thread.sleep(ms);
                    app.signalGroup("INT");
                    String at = "Ctrl+C at " + ms + " ms (round " + (round + 1) + "): ";
                    if (!app.process.waitFor(30, TimeUnit.SECONDS)) {
                        problems.add(at + "still running 30 s later; stderr: " + app.stderr());
                        continue;
                    }
                    if (app.process.exitValue() != 130) {
                        problems.add(at + "exit " + app.process.exitValue() + "; stderr: " + app.stderr());
                    }
                    // A worker's exit line ("slot 20 pid 2126: crashed, exit code 130, ..."), not the chart's key.
                    app.stdout().lines().filter(l -> l.matches(".*pid -?\\d+: crashed.*")).forEach(l -> problems.add(at + l));
                    app.leftBehindAfter(2000).forEach(p -> problems.add(at + "left running: " + p));
                } finally {
                    app.cleanUp();
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    private static void awaitStderr(ChildJvm app, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!app.stderr().contains(text)) {
            assertTrue(System.nanoTime() < deadline, "no '" + text + "' within 60 s; stderr: " + app.stderr());
            assertTrue(app.process.isAlive(), "the app ended early; stderr: " + app.stderr());
            Thread.sleep(10);
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
            // Mid-run is when the run has its workers: whether they have taken their tasks yet or
            // not, Ctrl+C must stop it as Stop does (no waiting here that a loaded machine outlasts).
            sigint(app.process);
            assertTrue(app.process.waitFor(20, TimeUnit.SECONDS), "still running 20 s after Ctrl+C");
            assertEquals(130, app.process.exitValue(), app.stderr());
            assertEquals(List.of(), app.workersLeftAfter(500), "workers left after the app exited");

            String out = app.stdout();
            assertTrue(out.contains("stopped before every task ran"), out);
            String results = out.substring(out.indexOf("Results"), out.indexOf("Output"));
            assertTrue(results.lines().anyMatch(l -> l.contains("nap4") && l.contains("cancelled")), results);
            assertTrue(results.lines().noneMatch(l -> l.contains("crashed")), "stopped, not crashed: " + results);
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

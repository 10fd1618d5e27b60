package dev.poolscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poolscope.engine.PoolService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'sweep' and 'compare' run in-process on real workers (tiny sleeps), output captured. */
class SweepCliTest extends InProcessCliTest {
    @TempDir
    Path dir;

    private Path sleeps(int count, int ms) throws Exception {
        Path file = dir.resolve("sleeps.json");
        Files.writeString(file, "{\"name\": \"sleeps\", \"tasks\": [{\"name\": \"s\", \"kind\": \"sleep\", \"ms\": " + ms
                + ", \"count\": " + count + "}]}");
        return file;
    }

    @Test
    void sweepPrintsARowPerPoolTheVerdictAndWritesCsvAndJson() throws Exception {
        Path csv = dir.resolve("sweep.csv");
        Path json = dir.resolve("sweep.json");
        assertEquals(0, poolscope("sweep", "--scenario", sleeps(4, 80).toString(), "--pools", "1,2", "--repeat", "2",
                "--csv", csv.toString(), "--json", json.toString()), err);
        assertTrue(out.contains("Speedup is against the median makespan at pool 1"), out);
        List<String> rows = out.lines().filter(l -> l.matches("^[12] +2 .*")).toList();
        assertEquals(2, rows.size(), out);
        assertTrue(out.contains("Verdict: "), out);
        assertTrue(err.contains("4/4  pool 2, run 2"), err);

        List<String> lines = Files.readAllLines(csv);
        assertEquals("pool,repeat,makespanMs,speedup,efficiency,totalBusyMs,complete", lines.get(0));
        assertEquals(5, lines.size(), "header and a row per run");
        assertTrue(lines.get(1).startsWith("1,1,"), lines.get(1));

        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals("poolscope-sweep", root.get("format").asText());
        assertEquals(2, root.get("points").size());
        assertEquals(4, root.get("runs").size());
        // Every run carries its whole, ordinary trace.
        assertEquals("poolscope-trace", root.get("runs").get(0).get("trace").get("format").asText());
        assertEquals(0, PoolService.liveWorkerCount());
    }

    @Test
    void sweepOfChunksizeAddsItsColumn() throws Exception {
        Path csv = dir.resolve("chunks.csv");
        assertEquals(0, poolscope("sweep", "--scenario", sleeps(4, 30).toString(), "--vary", "chunksize=1,2", "--pool",
                "2", "--repeat", "1", "--csv", csv.toString()), err);
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).startsWith("pool,chunksize,repeat,makespanMs,speedup,efficiency"), lines.get(0));
        assertTrue(lines.get(2).startsWith("2,2,1,"), lines.get(2));
        assertTrue(out.contains("The pool is fixed at 2"), out);
    }

    @Test
    void comparePrintsBothTimelinesOnOneScaleAndTheirStatistics() throws Exception {
        assertEquals(0, poolscope("compare", "--scenario", sleeps(4, 80).toString(), "--vary", "pool=1,2"), err);
        assertTrue(out.contains("One time scale for every run"), out);
        assertTrue(out.contains("pool 1: makespan"), out);
        assertTrue(out.contains("pool 2: makespan"), out);
        assertEquals(3, out.lines().filter(l -> l.startsWith("  W")).count(), "1 + 2 lanes:\n" + out);
        String stats = out.lines().filter(l -> l.startsWith("  makespan (ms)")).findFirst().orElseThrow();
        assertEquals(4, stats.trim().split("\\s+").length, "a makespan per run: " + stats);
        assertTrue(out.contains("pool 2 ran its tasks in"), out);
    }

    @Test
    void compareCanVaryTheStartPolicy() throws Exception {
        assertEquals(0, poolscope("compare", "--scenario", sleeps(2, 30).toString(), "--pool", "2", "--vary",
                "start=together,asap"), err);
        assertTrue(out.contains("start together: makespan") && out.contains("start asap: makespan"), out);
    }

    @Test
    void runTakesAStartPolicy() throws Exception {
        assertEquals(0, poolscope("run", "--scenario", sleeps(2, 20).toString(), "--pool", "2", "--start", "asap"), err);
        assertEquals(2, poolscope("run", "--scenario", sleeps(2, 20).toString(), "--start", "later"));
        assertEquals("poolscope run: --start: must be together or asap, got later", err.trim());
    }

    @Test
    void benchStartPrintsPoolScopesSpansBesideCpythons() {
        assertEquals(0, poolscope("bench-start", "--rounds", "1", "--tasks", "3", "--ms", "40", "--workers", "3"), err);
        assertTrue(out.contains("PoolScope, workers start together"), out);
        assertTrue(out.contains("PoolScope, each starts asap"), out);
        assertTrue(out.contains("CPython Pool (fork)"), out);
        assertEquals(2, poolscope("bench-start", "--workers", "0"));
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        String file = sleeps(2, 10).toString();
        String[][] cases = {
            {"sweep", "--scenario", file, "--pools", "1,zero"},
            {"sweep", "--scenario", file, "--pools", "1,1"},
            {"sweep", "--scenario", file, "--vary", "speed=1,2"},
            {"sweep", "--scenario", file, "--pools", "1,2", "--vary", "chunksize=1,2"},
            {"sweep", "--scenario", file, "--repeat", "0"},
            {"sweep", "--scenario", file, "--pools", "1,99"},
            {"compare", "--scenario", file},
            {"compare", "--scenario", file, "--vary", "mode=map,fast"},
            {"compare", "--lesson", "no-such-lesson", "--vary", "pool=1,2"},
        };
        for (String[] args : cases) {
            assertEquals(2, poolscope(args), String.join(" ", args));
            assertEquals(1, err.lines().count(), String.join(" ", args) + " said:\n" + err);
            assertFalse(err.contains("Exception"), err);
            assertTrue(out.isEmpty(), out);
        }
    }
}

package dev.poolscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poolscope.cpython.PythonRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Speedup is only ever a measured one: null (and not printed as a number) for a single run and for
 * a program of plain Processes; present, with the baseline it is against, in a sweep's runs.
 */
class SpeedupNeedsABaselineCliTest extends InProcessCliTest {
    @TempDir
    Path dir;

    private JsonNode stats(Path trace) throws Exception {
        return new ObjectMapper().readTree(trace.toFile()).get("stats");
    }

    @Test
    void aSingleRunHasConcurrencyButNoSpeedup() throws Exception {
        Path trace = dir.resolve("one.json");
        assertEquals(0, poolscope("run", "--lesson", "doubling", "--trace", trace.toString()), err);
        JsonNode s = stats(trace);
        assertTrue(s.get("speedup").isNull(), s.toString());
        assertTrue(s.get("efficiency").isNull(), s.toString());
        assertTrue(s.get("baselineMakespanMs").isNull(), s.toString());
        assertTrue(s.get("concurrency").asDouble() > 0, s.toString());
        assertTrue(out.contains("speedup                 -   not measured"), out);
    }

    @Test
    void aProgramOfProcessesShowsEachProcessNotAPoolsStatistics() throws Exception {
        PythonRuns.python();
        Path trace = dir.resolve("ids.json");
        assertEquals(0, poolscope("run", "--python", "assets/python/process_ids.py", "--trace", trace.toString()), err);
        JsonNode s = stats(trace);
        assertTrue(s.get("speedup").isNull(), s.toString());
        String stats = out.substring(out.indexOf("\nStatistics"), out.indexOf("\nWorker exits"));
        assertEquals(2, stats.lines().filter(l -> l.contains("life ") && l.contains("exit code 0")).count(), stats);
        assertFalse(stats.contains("concurrency"), stats);
        assertFalse(stats.contains("lower bound"), stats);
        assertFalse(stats.contains("speedup"), stats);
    }

    @Test
    void aSweepsRunsCarryTheirSpeedupWithTheBaselineItIsAgainst() throws Exception {
        Path scenario = Files.writeString(dir.resolve("sleeps.json"),
                "{\"name\": \"sleeps\", \"tasks\": [{\"name\": \"s\", \"kind\": \"sleep\", \"ms\": 60, \"count\": 4}]}");
        Path json = dir.resolve("sweep.json");
        assertEquals(0, poolscope("sweep", "--scenario", scenario.toString(), "--pools", "1,2", "--json", json.toString()),
                err);
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        JsonNode runs = root.get("runs");
        double baseline = root.get("points").get(0).get("medianMs").asDouble(); // the pool-1 point
        assertEquals("1", root.get("points").get(0).get("value").asText(), root.get("points").toString());
        for (JsonNode run : runs) {
            JsonNode s = run.get("trace").get("stats");
            assertEquals(baseline, s.get("baselineMakespanMs").asDouble(), 0.001, s.toString());
            assertEquals(baseline / s.get("makespanMs").asDouble(), s.get("speedup").asDouble(), 0.001, s.toString());
            assertEquals(run.get("speedup").asDouble(), s.get("speedup").asDouble(), 0.001);
        }
    }
}

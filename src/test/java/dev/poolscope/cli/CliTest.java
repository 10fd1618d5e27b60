package dev.poolscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headless commands, run in-process with their output captured. */
class CliTest {
    @TempDir
    Path dir;

    private String out;
    private String err;

    private int poolscope(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            return PoolScopeCommand.execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            out = o.toString(StandardCharsets.UTF_8);
            err = e.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void lessonsListsEveryLessonOnALineOfItsOwn() {
        assertEquals(0, poolscope("lessons"));
        for (String name : new String[] {"square-cube", "process-ids", "work-log", "doubling", "squares-with-pids",
                "four-processes", "cpu-bound", "sleepy"}) {
            assertTrue(out.lines().anyMatch(l -> l.startsWith(name + " ")), name + " missing from:\n" + out);
        }
    }

    @Test
    void runPrintsTimelineResultsAndStatisticsAndWritesTheTrace() throws Exception {
        Path trace = dir.resolve("doubling.json");
        assertEquals(0, poolscope("run", "--lesson", "doubling", "--pool", "2", "--trace", trace.toString()));
        assertTrue(out.contains("Timeline"), out);
        assertTrue(out.contains("Statistics"), out);
        assertTrue(out.contains("speedup"), out);
        String results = out.substring(out.indexOf("Results"), out.indexOf("Output"));
        java.util.List<String> values = results.lines().skip(1).filter(l -> !l.isBlank())
                .map(l -> l.trim().split("\\s+")).map(cols -> cols[cols.length - 1]).toList();
        assertEquals(java.util.List.of("2", "4", "6", "8", "10"), values, "results in delivery order:\n" + results);
        JsonNode json = new ObjectMapper().readTree(trace.toFile());
        assertEquals("map", json.get("mode").asText());
        assertEquals(2, json.get("pool").asInt());
        assertEquals(5, json.get("tasks").size());
        assertEquals("10", json.get("tasks").get(4).get("result").asText());
        assertTrue(json.get("workers").size() >= 2);
        for (JsonNode w : json.get("workers")) {
            assertTrue(w.get("pid").asLong() > 0);
            assertEquals("normal", w.get("exit").asText());
        }
        assertTrue(json.get("makespanMs").asDouble() > 0);
    }

    @Test
    void aFailedTaskGivesExitCodeOne() throws Exception {
        Path file = dir.resolve("fails.json");
        Files.writeString(file, "{\"pool\": 1, \"tasks\": [{\"name\": \"bad\", \"kind\": \"fail\", \"message\": \"nope\"}]}");
        assertEquals(1, poolscope("run", "--scenario", file.toString()));
        assertTrue(out.contains("nope"), out);
    }

    @Test
    void aTaskPastTheTimeoutIsKilledAndReported() throws Exception {
        Path file = dir.resolve("hangs.json");
        Files.writeString(file, "{\"pool\": 1, \"tasks\": [{\"name\": \"stuck\", \"kind\": \"sleep\", \"ms\": 3600000},"
                + " {\"name\": \"next\", \"kind\": \"square\", \"n\": 7}]}");
        long t0 = System.nanoTime();
        assertEquals(1, poolscope("run", "--scenario", file.toString(), "--timeout", "300"));
        assertTrue(System.nanoTime() - t0 < 20_000_000_000L, "the timeout ended the hung task");
        assertTrue(out.contains("timeout"), out);
        assertTrue(out.contains("49"), out);
    }

    @Test
    void badInputGivesExitCodeTwoAndOneLinePerProblemWithoutAStackTrace() throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"pool\": 0, \"tasks\": [{\"name\": \"A\", \"kind\": \"sleep\", \"ms\": -5}]}");
        assertEquals(2, poolscope("run", "--scenario", file.toString()));
        assertTrue(err.contains("tasks[0].ms: must be between 0 and 3600000, got -5"), err);
        assertTrue(err.lines().allMatch(l -> l.contains("broken.json")), err);
        assertFalse(err.contains("Exception"), err);

        assertEquals(2, poolscope("run", "--lesson", "no-such-lesson"));
        assertTrue(err.contains("no-such-lesson"), err);
        assertEquals(2, poolscope("run", "--lesson", "doubling", "--pool", "0"));
        assertTrue(err.contains("pool: must be between 1 and"), err);
        assertEquals(2, poolscope("run"));
        assertEquals(2, poolscope("run", "--lesson", "doubling", "--mode", "sideways"));
        assertTrue(err.contains("mode"), err);
        assertEquals(2, poolscope("frobnicate"));
        assertFalse(err.contains("\tat "), err);
    }
}

package dev.poolscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The headless commands, run in-process with their output captured. */
class CliTest extends InProcessCliTest {
    @TempDir
    Path dir;

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
        assertTrue(err.lines().anyMatch(l -> l.equals("wrote trace to " + trace)), "run confirms the file: " + err);
    }

    @Test
    void theReadmeListsEveryTraceField() throws Exception {
        Path trace = dir.resolve("fields.json");
        assertEquals(0, poolscope("run", "--lesson", "pool-options", "--trace", trace.toString()));
        java.util.Set<String> fields = new java.util.TreeSet<>();
        collectFields(new ObjectMapper().readTree(trace.toFile()), fields);
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("## Traces");
        String traces = readme.substring(section, readme.indexOf("\n## ", section + 1));
        // The full format, the recorded events' fields included, is docs/trace-format.md.
        String format = Files.readString(Path.of("docs", "trace-format.md"));
        List<String> missing = fields.stream().filter(f -> !traces.contains("\"" + f + "\"")
                && !format.contains("\"" + f + "\"") && !format.contains("`" + f + "`")).toList();
        assertEquals(List.of(), missing, "trace fields neither the README's Traces section nor docs/trace-format.md lists");
    }

    private static void collectFields(JsonNode node, java.util.Set<String> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                into.add(e.getKey());
                collectFields(e.getValue(), into);
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectFields(n, into));
        }
    }

    @Test
    void runConfirmsEveryFileItWrote() throws Exception {
        Path csv = dir.resolve("t.csv");
        Path chrome = dir.resolve("t-chrome.json");
        assertEquals(0, poolscope("run", "--lesson", "doubling", "--pool", "2", "--csv", csv.toString(),
                "--chrome-trace", chrome.toString()));
        assertTrue(err.lines().anyMatch(l -> l.equals("wrote CSV to " + csv)), err);
        assertTrue(err.lines().anyMatch(l -> l.equals("wrote Chrome trace to " + chrome)), err);
        assertTrue(Files.size(csv) > 0 && Files.size(chrome) > 0);
    }

    @Test
    void everyCommandHasHelpListingEveryOption() {
        CommandLine root = new CommandLine(new PoolScopeCommand());
        assertTrue(root.getSubcommands().keySet().containsAll(List.of("run", "lessons", "bench", "bench-ui", "ui")),
                root.getSubcommands().keySet().toString());
        for (Map.Entry<String, CommandLine> command : root.getSubcommands().entrySet()) {
            for (String help : new String[] {"--help", "-h"}) {
                String name = command.getKey();
                assertEquals(0, poolscope(name, help), name + " " + help + ": " + err);
                assertTrue(out.startsWith("Usage: poolscope " + name), name + " " + help + ":\n" + out);
                assertEquals("", err, name + " " + help + " prints no warning");
                for (CommandLine.Model.OptionSpec option : command.getValue().getCommandSpec().options()) {
                    assertTrue(out.contains(option.longestName()), name + " help lists " + option.longestName() + ":\n" + out);
                }
            }
        }
        assertEquals(0, poolscope("run", "--help"));
        assertTrue(out.contains("--pool"), out);
        assertEquals(0, poolscope("--help"));
        assertTrue(out.lines().anyMatch(l -> l.trim().startsWith("ui ")), "the window's command is listed:\n" + out);
    }

    @Test
    void errorsNameTheCommandOnceAndPointToItsHelp() {
        assertEquals(2, poolscope("frobnicate"));
        assertTrue(err.startsWith("poolscope: unknown command 'frobnicate'; the commands are run, lessons"), err);
        assertTrue(err.contains("see 'poolscope --help'"), err);
        assertEquals(2, poolscope("runn"));
        assertTrue(err.contains("(did you mean run?)"), err);
        assertEquals(2, poolscope("run", "--lesson", "doubling", "--pol", "2"));
        assertTrue(err.startsWith("poolscope run: --pol: unknown option (did you mean --pool?)"), err);
        assertTrue(err.contains("see 'poolscope run --help'"), err);
        for (String[] args : new String[][] {{"frobnicate"}, {"run", "--bad"}, {"ui", "--bad"}, {"lessons", "x"}}) {
            poolscope(args);
            assertFalse(err.contains("poolscope poolscope"), err);
        }
    }

    @Test
    void badWindowOptionsAreRefusedLikeTheCommandLineRefusesThem() throws Exception {
        // Each of these is refused before any window could open: exit 2, one message naming the option.
        Map<List<String>, String> refused = new LinkedHashMap<>();
        refused.put(List.of("ui", "--pool", "0"), "--pool: must be between 1 and 64, got 0");
        refused.put(List.of("ui", "--pool", "many"), "--pool: must be a whole number, got 'many'");
        refused.put(List.of("ui", "--scale", "0"), "--scale: must be between 0.01 and 10.0, got 0.0");
        refused.put(List.of("ui", "--time-limit", "0"), "--time-limit: must be between 1 and 3600000, got 0");
        refused.put(List.of("ui", "--size", "12x"), "must be WIDTHxHEIGHT");
        refused.put(List.of("ui", "--size", "100x100"), "from 640x480");
        refused.put(List.of("ui", "--lesson", "no-such-lesson"), "unknown lesson 'no-such-lesson'");
        refused.put(List.of("ui", "--open", dir.resolve("missing.json").toString()), "missing.json: cannot read file");
        refused.put(List.of("ui", "--lesson", "sleepy", "--open", "x.json"), "give only one of --lesson and --open");
        refused.put(List.of("ui", "--frob"), "--frob: unknown option");
        for (Map.Entry<List<String>, String> r : refused.entrySet()) {
            assertEquals(2, poolscope(r.getKey().toArray(String[]::new)), r.getKey() + ": " + err);
            assertTrue(err.contains(r.getValue()), r.getKey() + " says " + r.getValue() + ": " + err);
            assertFalse(err.contains("Exception"), err);
        }
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
        Path trace = dir.resolve("hangs-trace.json");
        assertEquals(1, poolscope("run", "--scenario", file.toString(), "--timeout", "300", "--trace", trace.toString()));
        // The report's results line for each task: index, name, status or result.
        String results = out.substring(out.indexOf("Results"), out.indexOf("Output"));
        assertTrue(results.lines().anyMatch(l -> l.matches("\\s*0\\s+stuck\\s+timeout\\b.*")), results);
        assertTrue(results.lines().anyMatch(l -> l.matches("\\s*1\\s+next\\s+ok\\s+49\\s*")), results);
        JsonNode tasks = new ObjectMapper().readTree(trace.toFile()).get("tasks");
        assertEquals("timeout", tasks.get(0).get("status").asText());
        assertEquals("ok", tasks.get(1).get("status").asText(), "the next task ran on the replacement worker");
        assertEquals("49", tasks.get(1).get("result").asText());
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
        assertEquals(2, poolscope("run", "--scenario", dir.resolve("nope.json").toString()));
        assertTrue(err.contains("nope.json: cannot read file: no such file"), err);
    }

    @Test
    void anOutputFileThatCannotBeWrittenIsRefusedBeforeTheRunStarts() {
        Path inMissingFolder = dir.resolve("no-such-folder").resolve("t.json");
        assertEquals(2, poolscope("run", "--lesson", "doubling", "--trace", inMissingFolder.toString()));
        assertEquals("poolscope run: --trace: cannot write " + inMissingFolder + ": the folder "
                + inMissingFolder.getParent() + " does not exist", err.strip());
        assertEquals("", out, "nothing ran");
        assertEquals(2, poolscope("run", "--lesson", "doubling", "--csv", dir.toString()));
        assertEquals("poolscope run: --csv: " + dir + " is a folder; give a file name", err.strip());
    }
}

package dev.poolscope.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.poolscope.engine.ExitKind;
import dev.poolscope.engine.RunEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TraceJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aRealRunRoundTrips() throws Exception {
        for (RunTrace t : List.of(RealRuns.basic(), RealRuns.recycled())) {
            Path file = dir.resolve(t.scenario() + ".json");
            TraceJson.write(t, file);
            assertEquals(t, TraceJson.read(file));
            assertEquals(TraceJson.toJson(t), Files.readString(file));
        }
    }

    @Test
    void oddTextNullsAndARunningSnapshotRoundTrip() throws Exception {
        Events e = new Events().spawn(0.0005, 0, 9, 0)
                .add(new RunEvent.InitializerRan(Events.ns(3.25), 0, 9, Events.ns(1.125), null))
                .ready(3.5, 0, 9).start(4, 0, 0, 9)
                .print(5, 0, 0, 9, "tab\there, \"quotes\", newline\nand unicode \u00e9\u4e2d\ud83d\ude00")
                .print(6, -1, 0, 9, "");
        TraceBuilder b = new TraceBuilder("odd \"name\"\n", Events.config(3, "A,1", "B\"2", "C"));
        e.list.forEach(b::accept);
        RunTrace t = b.snapshot(Events.ns(10.0004));
        assertTrue(t.tasks().get(0).running());
        Path file = dir.resolve("odd.json");
        TraceJson.write(t, file);
        assertEquals(t, TraceJson.read(file));
    }

    @Test
    void theFileHasTheDocumentedFields() throws Exception {
        // The summary alone (a trace without events) has every field; a recorded trace leaves out
        // what its events say (output, deliveryOrder, a task's output and outputTruncated).
        RunTrace recorded = Events.example();
        JsonNode lean = MAPPER.readTree(TraceJson.toJson(recorded));
        for (String field : List.of("output", "deliveryOrder")) {
            assertFalse(lean.has(field), field);
        }
        assertFalse(lean.get("tasks").get(0).has("output"));
        assertEquals(3, lean.get("version").asInt());
        JsonNode root = MAPPER.readTree(TraceJson.toJson(new RunTrace(recorded.scenario(), recorded.mode(),
                recorded.pool(), recorded.chunksize(), recorded.maxTasksPerChild(), recorded.stopped(),
                recorded.finished(), recorded.makespanMs(), recorded.workers(), recorded.tasks(),
                recorded.deliveryOrder(), recorded.output(), recorded.stats())));
        for (String field : List.of("format", "version", "scenario", "mode", "pool", "chunksize", "maxTasksPerChild",
                "stopped", "finished", "makespanMs", "stats", "workers", "tasks", "deliveryOrder", "output")) {
            assertTrue(root.has(field), field);
        }
        assertEquals("poolscope-trace", root.get("format").asText());
        for (String field : List.of("makespanMs", "totalBusyMs", "speedup", "efficiency", "lowerBoundMs",
                "longestTaskMs", "slots")) {
            assertTrue(root.get("stats").has(field), "stats." + field);
        }
        for (String field : List.of("slot", "pid", "generation", "spawnMs", "readyMs", "exitMs", "exit", "exitCode",
                "signal", "detail", "initStartMs", "initEndMs", "initError")) {
            assertTrue(root.get("workers").get(0).has(field), "workers[0]." + field);
        }
        for (String field : List.of("index", "name", "kind", "chunk", "slot", "pid", "startMs", "endMs", "status",
                "result", "error", "output", "outputTruncated")) {
            assertTrue(root.get("tasks").get(0).has(field), "tasks[0]." + field);
        }
        for (String field : List.of("atMs", "index", "slot", "pid", "text")) {
            assertTrue(root.get("output").get(0).has(field), "output[0]." + field);
        }
        assertEquals(300.0, root.get("makespanMs").asDouble());
        assertEquals(1.666667, root.get("stats").get("concurrency").asDouble());
        // A single run: speedup is null, and so is the baseline it would need.
        assertTrue(root.get("stats").get("speedup").isNull(), root.get("stats").toString());
        assertTrue(root.get("stats").get("baselineMakespanMs").isNull());
    }

    @Test
    void aHandWrittenFileWithoutOptionalFieldsIsRead() throws Exception {
        Path file = dir.resolve("minimal.json");
        Files.writeString(file, "{\"mode\":\"map\",\"pool\":2,\"chunksize\":1,\"stopped\":false,\"workers\":[],"
                + "\"tasks\":[{\"index\":0,\"name\":\"A\",\"kind\":\"sleep\",\"slot\":0,\"pid\":5,"
                + "\"startMs\":10,\"endMs\":110,\"status\":\"ok\"}]}");
        RunTrace t = TraceJson.read(file);
        assertEquals(100, t.makespanMs(), "stats are computed when the file has none");
        assertEquals(2, t.stats().slots().size());
        assertTrue(t.finished());
        assertEquals(List.of(), t.tasks().get(0).output());
    }

    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                broken("not JSON", null, "{\"mode\": ", "line 1, column 10: the text ends too early"),
                broken("empty", null, "", "empty file"),
                broken("trailing", null, "{} {}", "more text after the end of the JSON object"),
                broken("array", null, "[]", "top level: expected an object"),
                broken("missing mode", r -> r.remove("mode"), null, "mode: expected a string, got nothing"),
                broken("unknown mode", r -> r.put("mode", "parallel"), null, "mode: expected one of"),
                broken("pool 0", r -> r.put("pool", 0), null, "pool: expected from 1 to 4096, got 0"),
                broken("more lanes than it has", r -> r.put("pool", 5000), null,
                        "pool: expected from 1 to 4096, or one lane in \"workers\" for each, got 5000 with 2 lanes"),
                broken("slot beyond the pool", r -> task(r, 0).put("slot", 2), null,
                        "tasks[0].slot: expected from -1 to 1, got 2"),
                broken("start is text", r -> task(r, 1).put("startMs", "abc"), null,
                        "tasks[1].startMs: expected a number, got a string"),
                broken("negative time", r -> task(r, 1).put("startMs", -5), null, "tasks[1].startMs: must not be negative"),
                broken("end before start", r -> task(r, 1).put("endMs", 1.0), null, "tasks[1].endMs: before startMs"),
                broken("wrong index", r -> task(r, 2).put("index", 7), null, "tasks[2].index: expected exactly 2, got 7"),
                broken("bad status", r -> task(r, 0).put("status", "done"), null, "tasks[0].status: expected one of"),
                broken("output not strings", r -> task(r, 0).putArray("output").add(3), null,
                        "tasks[0].output[0]: expected a string"),
                broken("bad exit", r -> ((ObjectNode) r.get("workers").get(0)).put("exit", "vanished"), null,
                        "workers[0].exit: expected one of"),
                broken("delivery out of range", r -> r.putArray("deliveryOrder").add(0).add(1).add(2).add(3), null,
                        "deliveryOrder[3]: expected from 0 to 2, got 3"),
                broken("stats slots missing", r -> ((ObjectNode) r.get("stats")).remove("slots"), null,
                        "stats.slots: expected an array"),
                broken("other format", r -> r.put("format", "chrome"), null, "format: expected \"poolscope-trace\""),
                broken("newer version", r -> r.put("version", TraceJson.VERSION + 1), null,
                        "version: version " + (TraceJson.VERSION + 1) + " is newer"),
                broken("duplicate key", null, "{\"mode\":\"map\",\"mode\":\"imap\"}", "the field \"mode\" appears twice"),
                // Issue 19, defect 10: damage that used to be accepted, or answered in a library's words.
                broken("a time of 1e308", r -> task(r, 1).put("endMs", 1e308), null,
                        "tasks[1].endMs: too large for a trace (at most 1e12"),
                broken("NaN", null, "{\"mode\": NaN}", "non-standard token 'NaN'"),
                broken("deep nesting", null, "{\"x\": " + "[".repeat(3000) + "]".repeat(3000) + "}", "nested too deeply"),
                broken("a text-direction override in a task name", r -> task(r, 0).put("name", "evil\u202egnp.exe"), null,
                        "tasks[0].name: must be one line without control or text-direction characters, got U+202E"),
                broken("an escape sequence in a lane name", r -> ((ObjectNode) r.get("workers").get(0)).put("name", "\u001b[2J"),
                        null, "workers[0].name: must be one line without control or text-direction characters, got U+001B"));
    }

    private static ObjectNode task(ObjectNode root, int index) {
        return (ObjectNode) root.get("tasks").get(index);
    }

    private static Arguments broken(String name, Consumer<ObjectNode> edit, String text, String expected) {
        return Arguments.of(name, edit, text, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void aMalformedFileGivesOneLineNamingTheFileAndField(String name, Consumer<ObjectNode> edit, String text,
                                                         String expected) throws Exception {
        Path file = dir.resolve("broken.json");
        if (edit != null) {
            ObjectNode root = (ObjectNode) MAPPER.readTree(TraceJson.toJson(Events.example()));
            edit.accept(root);
            text = MAPPER.writeValueAsString(root);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class, () -> TraceJson.read(file));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        for (String internal : List.of("Jackson", "JsonReadFeature", "StreamReadConstraints", "com.fasterxml", "Exception")) {
            assertFalse(e.getMessage().contains(internal), "library internals in: " + e.getMessage());
        }
    }

    @Test
    void aMissingFileIsSaidPlainly() {
        Path file = dir.resolve("nope.json");
        IOException e = assertThrows(IOException.class, () -> TraceJson.read(file));
        assertEquals(file + ": no such file", e.getMessage());
    }

    @Test
    void writingReplacesAnOldFileWhole() throws Exception {
        Path file = dir.resolve("t.json");
        Files.writeString(file, "x".repeat(100_000));
        TraceJson.write(Events.example(), file);
        assertEquals(Events.example(), TraceJson.read(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void workerExitKindsAreTheirIds() throws Exception {
        Events e = new Events().spawn(0, 0, 1, 0).exit(1, 0, 1, ExitKind.TERMINATED, 137, 9, "stopped");
        RunTrace t = TraceBuilder.of("x", Events.config(1, "A"), e.list);
        JsonNode w = MAPPER.readTree(TraceJson.toJson(t)).get("workers").get(0);
        assertEquals("terminated", w.get("exit").asText());
        assertEquals(9, w.get("signal").asInt());
        assertTrue(w.get("readyMs").isNull());
    }
}

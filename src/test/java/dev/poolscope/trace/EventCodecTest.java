package dev.poolscope.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.poolscope.engine.Lane;
import dev.poolscope.engine.RunEvent;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recorded events of a version-2 trace: every kind of event is saved, read back equal, and documented. */
class EventCodecTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    /** One of every RunEvent, its fields filled with values of their types (an event added later is here too). */
    static List<RunEvent> oneOfEach() throws Exception {
        List<RunEvent> out = new ArrayList<>();
        int n = 0;
        for (Class<?> c : RunEvent.class.getPermittedSubclasses()) {
            RecordComponent[] fields = c.getRecordComponents();
            Object[] args = new Object[fields.length];
            Class<?>[] types = new Class<?>[fields.length];
            for (int i = 0; i < fields.length; i++) {
                types[i] = fields[i].getType();
                args[i] = sample(fields[i].getName(), types[i], ++n);
            }
            out.add((RunEvent) c.getDeclaredConstructor(types).newInstance(args));
        }
        return out;
    }

    private static Object sample(String name, Class<?> type, int n) {
        if (name.equals("slot") || name.equals("index")) {
            return n % 2 == 0 ? -1 : 0; // the main lane or an initializer's line, and a real one
        }
        if (type == int.class || type == Integer.class) {
            return n;
        }
        if (type == long.class || type == Long.class) {
            return 1_000_000_007L * n;
        }
        if (type == double.class || type == Double.class) {
            return n % 3 == 0 ? -1.0 : n / 7.0; // -1: "unknown" (a machine's load)
        }
        if (type == boolean.class || type == Boolean.class) {
            return n % 2 == 0;
        }
        if (type == char.class || type == Character.class) {
            return 'R';
        }
        if (type == String.class) {
            return "text " + n + " with \"quotes\", a tab\t and \u00e9";
        }
        if (type.isEnum()) {
            Object[] all = type.getEnumConstants();
            return all[n % all.length];
        }
        if (type == Lane.class) {
            return Lane.thread(4000 + n, "Thread-" + n);
        }
        throw new AssertionError("no sample for an event field of type " + type + " (" + name + ")");
    }

    @Test
    void everyEventRoundTripsThroughATrace() throws Exception {
        List<RunEvent> events = oneOfEach();
        assertEquals(RunEvent.class.getPermittedSubclasses().length, events.size());
        RunTrace t = Events.example();
        t = new RunTrace(t.scenario(), t.mode(), t.pool(), t.chunksize(), t.maxTasksPerChild(), t.stopped(),
                t.finished(), t.makespanMs(), t.workers(), t.tasks(), t.deliveryOrder(), t.output(), t.stats(), null,
                events);
        Path file = dir.resolve("all.json");
        TraceJson.write(t, file);
        RunTrace back = TraceJson.read(file);
        assertEquals(events, back.events());
        List<String> lines = Files.readAllLines(file);
        assertTrue(lines.stream().filter(l -> l.startsWith("{\"type\":")).count() >= events.size(),
                "one event a line:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size())));
        assertEquals(TraceJson.VERSION, MAPPER.readTree(file.toFile()).get("version").asInt());
    }

    @Test
    void aBadEventIsRefusedByName() throws Exception {
        ObjectNode root = (ObjectNode) MAPPER.readTree(TraceJson.toJson(Events.example()));
        root.putArray("events").addObject().put("type", "Teleported").put("at", 5);
        assertBad(root, "events[0].type: unknown event \"Teleported\", expected one of ");
        root.putArray("events").addObject().put("type", "TaskStarted").put("at", 5).put("index", 99).put("slot", 0)
                .put("pid", 3).put("chunk", 0);
        assertBad(root, "events[0].index: expected from -1 to 2, got 99");
        root.putArray("events").addObject().put("type", "RunFinished").put("at", -5).put("stopped", false);
        assertBad(root, "events[0].at: must not be negative");
    }

    private void assertBad(ObjectNode root, String expected) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, MAPPER.writeValueAsString(root));
        IOException e = assertThrows(IOException.class, () -> TraceJson.read(file));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    /** docs/trace-format.md names every event and every field, so the document cannot fall behind the records. */
    @Test
    void everyEventAndFieldIsDocumented() throws Exception {
        String doc = Files.readString(Path.of("docs", "trace-format.md"));
        List<String> missing = new ArrayList<>();
        for (Class<?> c : RunEvent.class.getPermittedSubclasses()) {
            int at = doc.indexOf("`" + c.getSimpleName() + "`");
            if (at < 0) {
                missing.add(c.getSimpleName());
                continue;
            }
            int end = doc.indexOf("\n", at);
            String row = doc.substring(at, end < 0 ? doc.length() : end);
            for (RecordComponent f : c.getRecordComponents()) {
                if (!f.getName().equals("at") && !row.contains("`" + f.getName() + "`")) {
                    missing.add(c.getSimpleName() + "." + f.getName());
                }
            }
        }
        assertEquals(List.of(), missing, "events or fields docs/trace-format.md does not describe");
    }
}

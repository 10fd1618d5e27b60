package dev.poolscope.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trace says each fact once (version 3), and the writer never writes more than the reader
 * opens (issue 19, defect 3): what does not fit is left out, and that is said.
 */
class TraceSizeTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TraceJson.Origin ORIGIN = new TraceJson.Origin("cpython", BigPoolRun.MAIN_PID);

    @TempDir
    Path dir;

    @Test
    void aRecordedTraceSaysEachFactOnceAndReadsBackEqual() throws Exception {
        RunTrace t = BigPoolRun.trace(2000);
        Path file = dir.resolve("t.json");
        TraceJson.Written w = TraceJson.write(t, ORIGIN, file);
        assertTrue(w.whole());
        assertEquals(Files.size(file), w.bytes());
        assertEquals(t, TraceJson.read(file));
        JsonNode root = MAPPER.readTree(file.toFile());
        // A task's name, status and result are in the task list; its events name it by index.
        JsonNode added = root.get("events").get(10);
        assertEquals("TaskAdded", added.get("type").asText());
        assertFalse(added.has("name"), added.toString());
        assertTrue(root.get("tasks").get(0).has("name"));
        // A worker's busy and idle badges are said with the start and end they come with.
        JsonNode started = null;
        for (JsonNode e : root.get("events")) {
            if (e.get("type").asText().equals("TaskStarted")) {
                started = e;
                break;
            }
        }
        assertTrue(started.get("busy").asBoolean(), started.toString());
        assertEquals(2000, t.events().stream().filter(e -> e instanceof dev.poolscope.engine.RunEvent.WorkerStateChanged badge
                && badge.state() == dev.poolscope.engine.WorkerState.BUSY).count());
        // The delivery order and the printed lines are their events.
        assertFalse(root.has("deliveryOrder"));
        assertFalse(root.has("output"));
        assertTrue(Files.size(file) / 2000.0 < 450, Files.size(file) / 2000.0 + " bytes a task");
    }

    @Test
    void aTraceThatWouldPassTheLimitLeavesOutItsEventsAndSaysSo() throws Exception {
        RunTrace t = BigPoolRun.trace(2000);
        Path file = dir.resolve("t.json");
        TraceJson.Written w = TraceJson.write(t, ORIGIN, file, 600_000);
        assertTrue(Files.size(file) <= 600_000, Files.size(file) + " bytes");
        assertEquals(t.events().size(), w.eventsLeftOut());
        assertEquals(0, w.tasksLeftOut());
        assertTrue(w.leftOut().startsWith("the trace leaves out the run's " + String.format("%,d", t.events().size())
                + " recorded events"), w.leftOut());
        assertEquals(t.events().size(), MAPPER.readTree(file.toFile()).get("eventsLeftOut").asInt());
        RunTrace back = TraceJson.read(file);
        assertFalse(back.recorded());
        assertEquals(t.tasks(), back.tasks());
        assertEquals(t.deliveryOrder(), back.deliveryOrder());
        assertEquals(t.output(), back.output());
        assertEquals(t.workers(), back.workers());
    }

    @Test
    void whenEvenTheSummaryWouldPassTheLimitTheLastTasksAreLeftOutAndSaid() throws Exception {
        RunTrace t = BigPoolRun.trace(2000);
        Path file = dir.resolve("t.json");
        TraceJson.Written w = TraceJson.write(t, ORIGIN, file, 100_000);
        assertTrue(Files.size(file) <= 100_000, Files.size(file) + " bytes");
        assertTrue(w.tasksLeftOut() > 0);
        assertTrue(w.leftOut().contains("and its last " + String.format("%,d", w.tasksLeftOut()) + " tasks"), w.leftOut());
        RunTrace back = TraceJson.read(file);
        int kept = 2000 - w.tasksLeftOut();
        assertEquals(kept, back.tasks().size());
        assertEquals(t.tasks().subList(0, kept), back.tasks());
        assertEquals(w.tasksLeftOut(), MAPPER.readTree(file.toFile()).get("tasksLeftOut").asInt());
    }

    @Test
    void aVersion2TraceStillOpensAndSavedAgainSaysTheSame() throws Exception {
        Path v2 = Path.of("src/test/resources/dev/poolscope/trace/v2-python-pool.json");
        assertEquals(2, MAPPER.readTree(v2.toFile()).get("version").asInt());
        RunTrace t = TraceJson.read(v2);
        assertEquals(List.of("f(0)", "f(1)", "f(2)", "f(3)", "f(4)", "f(5)"), t.tasks().stream().map(TaskRecord::name).toList());
        assertTrue(t.recorded());
        assertTrue(t.output().stream().anyMatch(o -> o.text().equals("task 3")), t.output().toString());
        assertTrue(t.tasks().get(3).output().contains("task 3"));
        Path v3 = dir.resolve("v3.json");
        TraceJson.write(t, v3);
        assertEquals(t, TraceJson.read(v3));
        assertTrue(Files.size(v3) < Files.size(v2) * 0.7, Files.size(v3) + " bytes, was " + Files.size(v2));
        // Each printed line is in the file once.
        String text = Files.readString(v3);
        assertEquals(1, text.split("\"task 3\"", -1).length - 1, text);
    }

    @Test
    void aTaskToldToEndBeforeItStartedStillMakesATraceThatOpens() throws Exception {
        // A Python program's processes stamp their own events: a lost task's end, told by its
        // parent, can read a little before the start its worker told.
        Events e = new Events().spawn(0, 0, 101, 0).ready(1, 0, 101).start(10, 0, 0, 101)
                .finish(9.5, 0, 0, 101, dev.poolscope.engine.TaskStatus.CRASHED, null, "lost")
                .exit(11, 0, 101, dev.poolscope.engine.ExitKind.CRASHED, null, 9, "killed by signal 9").done(12, false);
        RunTrace t = TraceBuilder.of("lost", Events.config(1, "A"), e.list);
        assertEquals(t.tasks().get(0).startMs(), t.tasks().get(0).endMs());
        Path file = dir.resolve("lost.json");
        TraceJson.write(t, file);
        assertEquals(t, TraceJson.read(file));
    }

    @Test
    void version1TracesInAssetsStillOpen() throws Exception {
        for (String name : List.of("work-log.json", "pool-options.json")) {
            RunTrace t = TraceJson.read(Path.of("assets", "tutorial", name));
            assertFalse(t.tasks().isEmpty(), name);
            assertFalse(t.recorded(), name);
        }
    }
}

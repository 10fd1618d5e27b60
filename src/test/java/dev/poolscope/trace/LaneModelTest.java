package dev.poolscope.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.poolscope.engine.ExitKind;
import dev.poolscope.engine.Lane;
import dev.poolscope.engine.RunEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lane model in the trace: every kind of lane is saved and read back as it was. */
class LaneModelTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    /** Four lanes, one of each kind; the process lane's slot is recycled (a new PID, the same lane). */
    private static RunTrace fourKinds() {
        Events e = new Events()
                .add(new RunEvent.WorkerSpawned(0, 0, 100, 0, Lane.PROCESS))
                .exit(5, 0, 100, ExitKind.RECYCLED, 0, null, "recycled")
                .add(new RunEvent.WorkerSpawned(Events.ns(6), 0, 101, 1))
                .add(new RunEvent.WorkerSpawned(Events.ns(1), 1, 100, 0, Lane.thread(4242, "ThreadPoolExecutor-0_0")))
                .add(new RunEvent.WorkerSpawned(Events.ns(2), 2, 300, 0, Lane.worker("tcp://127.0.0.1:40123", "node-2")))
                .add(new RunEvent.WorkerSpawned(Events.ns(3), 3, -1, 0, Lane.imported("Ray worker 3")))
                .start(7, 0, 0, 101).ok(9, 0, 0, 101).done(10, false);
        return TraceBuilder.of("lanes", Events.config(4, "A"), e.list);
    }

    @Test
    void everyKindOfLaneRoundTrips() throws Exception {
        RunTrace t = fourKinds();
        List<Lane> lanes = t.workers().stream().map(WorkerRecord::lane).toList();
        assertEquals(List.of(Lane.PROCESS, Lane.PROCESS, Lane.thread(4242, "ThreadPoolExecutor-0_0"),
                Lane.worker("tcp://127.0.0.1:40123", "node-2"), Lane.imported("Ray worker 3")), lanes);
        Path file = dir.resolve("lanes.json");
        TraceJson.write(t, file);
        assertEquals(t, TraceJson.read(file));

        JsonNode workers = MAPPER.readTree(Files.readString(file)).get("workers");
        assertEquals("process", workers.get(1).get("kind").asText());
        assertEquals(101, workers.get(1).get("pid").asLong(), "the recycled slot's new PID, in the same slot");
        assertEquals(0, workers.get(1).get("slot").asInt());
        assertEquals("thread", workers.get(2).get("kind").asText());
        assertEquals(4242, workers.get(2).get("tid").asLong());
        assertEquals("ThreadPoolExecutor-0_0", workers.get(2).get("name").asText());
        assertEquals("node-2", workers.get(3).get("host").asText());
        assertTrue(workers.get(4).get("pid").isNull(), "an imported lane's PID is not known to be one");
        assertEquals(-1, t.workers().get(4).pid());
        assertFalse(workers.get(0).has("tid"), "only threads have a tid");
    }

    @Test
    void aWorkerOfAnOldTraceWithoutKindIsAProcess() throws Exception {
        ObjectNode root = (ObjectNode) MAPPER.readTree(TraceJson.toJson(Events.example()));
        for (JsonNode w : root.get("workers")) {
            ((ObjectNode) w).remove("kind");
        }
        Path file = dir.resolve("old.json");
        Files.writeString(file, MAPPER.writeValueAsString(root));
        RunTrace t = TraceJson.read(file);
        assertFalse(t.workers().isEmpty());
        t.workers().forEach(w -> assertEquals(Lane.PROCESS, w.lane()));
        assertEquals(Events.example(), t);
    }

    @Test
    void anUnknownKindOrAProcessWithATidIsRefusedByName() throws Exception {
        ObjectNode root = (ObjectNode) MAPPER.readTree(TraceJson.toJson(Events.example()));
        ObjectNode w = (ObjectNode) root.get("workers").get(0);
        w.put("kind", "fiber");
        Path file = dir.resolve("bad.json");
        Files.writeString(file, MAPPER.writeValueAsString(root));
        IOException e = assertThrows(IOException.class, () -> TraceJson.read(file));
        assertTrue(e.getMessage().contains("workers[0].kind: expected one of process, thread, worker, lane"),
                e.getMessage());
        w.put("kind", "process").put("tid", 7);
        Files.writeString(file, MAPPER.writeValueAsString(root));
        e = assertThrows(IOException.class, () -> TraceJson.read(file));
        assertTrue(e.getMessage().contains("workers[0].tid: only a thread lane has a tid"), e.getMessage());
    }

    @Test
    void aLaneOfAReplacedProcessKeepsItsKind() {
        Events e = new Events()
                .add(new RunEvent.WorkerSpawned(0, 0, 100, 0, Lane.worker("tcp://a:1", null)))
                .exit(5, 0, -1, ExitKind.CRASHED, null, null, "could not start");
        RunTrace t = TraceBuilder.of("x", Events.config(1, "A"), e.list);
        assertEquals(2, t.workers().size());
        assertEquals(Lane.worker("tcp://a:1", null), t.workers().get(1).lane());
        assertNull(t.workers().get(1).lane().tid());
    }
}

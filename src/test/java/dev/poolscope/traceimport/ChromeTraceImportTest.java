package dev.poolscope.traceimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.engine.Lane;
import dev.poolscope.engine.PoolService;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.RunHandle;
import dev.poolscope.engine.RunListener;
import dev.poolscope.scenario.Lessons;
import dev.poolscope.trace.ChromeTrace;
import dev.poolscope.trace.RunTrace;
import dev.poolscope.trace.TaskRecord;
import dev.poolscope.trace.TraceBuilder;
import dev.poolscope.trace.WorkerRecord;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Other tools' traces read as lanes and bars: Chrome Trace Event JSON, VizTracer's, our own export, Dask's task stream. */
class ChromeTraceImportTest {
    static final Path FIXTURES = Path.of("src/test/resources/dev/poolscope/traceimport");

    @TempDir
    Path dir;

    static List<String> laneNames(RunTrace t) {
        return t.workers().stream().map(w -> w.lane().name()).toList();
    }

    static List<String> barsOn(RunTrace t, int slot) {
        return t.tasks().stream().filter(b -> b.slot() == slot).map(b -> b.name() + " " + b.startMs() + "-" + b.endMs())
                .toList();
    }

    @Test
    void metadataNamesTheLanesXAndBeEventsAreBarsOverlapsGetSubRowsAndACounterIsALane() throws Exception {
        RunTrace t = AnyTrace.read(FIXTURES.resolve("chrome-mixed.json"));
        assertEquals(List.of("loader / reader", "loader / decoder \u00b7 row 1", "loader / decoder \u00b7 row 2",
                "trainer / thread 1", "counter queue (loader)"), laneNames(t));
        assertTrue(t.workers().stream().allMatch(w -> w.pid() == -1 && w.lane().kind() == Lane.Kind.LANE),
                "a plain Chrome trace's pid is not said to be an OS PID: " + t.workers());
        // times from the earliest event (ts 1000 us), in ms
        assertEquals(List.of("read A 0.0-200.0", "read B 249.0-399.0"), barsOn(t, 0));
        assertEquals(List.of("decode 209.0-419.0"), barsOn(t, 1), "B/E matched, the outer call on the first row");
        assertEquals(List.of("inflate 259.0-329.0"), barsOn(t, 2), "the nested call overlaps it: a sub-row");
        assertEquals(List.of("step 429.0-729.0"), barsOn(t, 3));
        assertEquals(List.of("0 0.0-199.0", "1 199.0-419.0", "0 419.0-729.0"), barsOn(t, 4), "the counter's values as spans");
        assertEquals("{\"bytes\":4096}", t.tasks().stream().filter(b -> b.name().equals("read B")).findFirst().orElseThrow().result());
        assertEquals(1, t.output().size());
        assertEquals("\u25c6 checkpoint", t.output().get(0).text());
        assertEquals(599.0, t.output().get(0).atMs());
        assertEquals(3, t.output().get(0).slot(), "the instant is on its lane");
        assertEquals(729.0, t.makespanMs());
    }

    @Test
    void aVizTracerFileHasOsPidsAndItsNestedCallsOnSubRows() throws Exception {
        RunTrace t = AnyTrace.read(FIXTURES.resolve("viztracer.json"));
        assertEquals(List.of("python3 work.py / MainThread \u00b7 row 1", "python3 work.py / MainThread \u00b7 row 2",
                "python3 work.py / MainThread \u00b7 row 3", "python3 work.py / Thread-1 (fetch)"), laneNames(t));
        assertTrue(t.workers().stream().allMatch(w -> w.pid() == 4242), "VizTracer records os.getpid(): a PID");
        assertEquals(List.of("main (/tmp/work.py:12)"), t.tasks().stream().filter(b -> b.slot() == 0).map(TaskRecord::name).toList());
        assertEquals(List.of("builtins.sorted"), t.tasks().stream().filter(b -> b.slot() == 2).map(TaskRecord::name).toList());
        assertEquals(640.251, t.tasks().get(0).endMs(), 0.001);
        assertEquals("\u25c6 done", t.output().get(0).text());
    }

    @Test
    void ourOwnChromeTraceReadsBackAsTheSameLanesAndBars() throws Exception {
        RunConfig config = Lessons.load("sleepy").config().toBuilder().pool(4).build();
        RunHandle run = new PoolService().start(config, RunListener.NONE);
        assertTrue(run.awaitDone(Duration.ofSeconds(60)));
        RunTrace original = TraceBuilder.of("sleepy", config, run.events());
        Path file = dir.resolve("sleepy-chrome.json");
        ChromeTrace.write(original, file);

        RunTrace back = AnyTrace.read(file);
        assertEquals(lanes(original), lanes(back), "the same lanes: slot, PID, a process each");
        assertEquals(bars(original), bars(back), "the same bars: name, lane, PID, start, end, status");
        assertTrue(back.workers().stream().allMatch(w -> w.lane().kind() == Lane.Kind.PROCESS));
    }

    private static List<String> lanes(RunTrace t) {
        return t.workers().stream().map(w -> w.slot() + ":" + w.pid()).toList();
    }

    private static List<String> bars(RunTrace t) {
        return t.tasks().stream().filter(b -> b.endMs() != null)
                .sorted(java.util.Comparator.comparingDouble(TaskRecord::startMs).thenComparingInt(TaskRecord::slot))
                .map(b -> b.name() + "@" + b.slot() + ":" + b.pid() + " " + b.startMs() + "-" + b.endMs() + " " + b.status())
                .collect(Collectors.toList());
    }

    @Test
    void daskTaskStreamIsALanePerWorkerThreadWithNoPids() throws Exception {
        RunTrace t = AnyTrace.read(FIXTURES.resolve("dask-task-stream.json"));
        assertEquals(6, t.tasks().size());
        assertTrue(t.tasks().stream().allMatch(b -> b.name().equals("nap") && "ok".equals(b.status())), t.tasks().toString());
        assertEquals(4, t.workers().size(), "two workers of two threads");
        assertTrue(laneNames(t).stream().allMatch(n -> n.matches("tcp://127\\.0\\.0\\.1:\\d+ thread [12]")), laneNames(t).toString());
        assertTrue(t.workers().stream().allMatch(w -> w.pid() == -1));
        for (TaskRecord b : t.tasks()) {
            assertEquals(200, b.durationMs(), 20, "each nap slept 0.2 s on its worker");
        }
    }

    @Test
    void malformedAndHugeFilesAreOneClearLine() throws Exception {
        assertProblem("{\"traceEvents\": [{\"name\": \"a\", \"ph\": \"X\", \"pid\": 1, \"tid\": 1, \"dur\": 5}]}",
                "traceEvents[0]: a X event needs a number ts (microseconds)");
        assertProblem("{\"traceEvents\": [{\"name\": \"a\", \"ph\": \"E\", \"ts\": 4, \"pid\": 1, \"tid\": 1}]}",
                "traceEvents[0]: an E event with no B open on pid 1, tid 1");
        assertProblem("{\"traceEvents\": {\"ph\": \"X\"}}", "traceEvents: must be a list of trace events");
        assertProblem("{\"traceEvents\": [{\"ph\": \"M\", \"name\": \"process_name\", \"pid\": 1, \"args\": {\"name\": \"x\"}}]}",
                "no bars: the Chrome trace has no complete events");
        assertProblem("[{\"worker\": \"tcp://h:1\", \"startstops\": [{\"action\": \"compute\", \"start\": 2, \"stop\": 1}]}]",
                "[0]: each startstop needs a number start and a stop not before it");
        StringBuilder many = new StringBuilder("{\"traceEvents\": [");
        for (int i = 0; i < 65; i++) {
            many.append(i == 0 ? "" : ",").append("{\"name\": \"a\", \"ph\": \"X\", \"ts\": 0, \"dur\": 1, \"pid\": 1, \"tid\": ").append(i).append('}');
        }
        assertProblem(many.append("]}").toString(), "more than 64 lanes");
        assertProblem("{\"traceEvents\": [{\"name\": \"a\", \"ph\": \"X\", \"ts\": 0, ", "the text ends too early");

        Path huge = dir.resolve("huge.json");
        Files.writeString(huge, "{\"traceEvents\": [");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(AnyTrace.MAX_FOREIGN_BYTES + 1); // sparse: nothing is written
        }
        IOException e = assertThrows(IOException.class, () -> AnyTrace.read(huge));
        assertEquals(huge + ": 64.0 MB is more than PoolScope opens of another tool's trace (64 MB): save a shorter part"
                + " of the run", e.getMessage());
        // PoolScope's own traces are streamed, up to the most PoolScope writes.
        Path own = dir.resolve("own.json");
        Files.writeString(own, "{\"format\": \"poolscope-trace\", \"tasks\": [");
        try (RandomAccessFile f = new RandomAccessFile(own.toFile(), "rw")) {
            f.setLength(dev.poolscope.trace.TraceJson.MAX_BYTES + 1);
        }
        e = assertThrows(IOException.class, () -> AnyTrace.read(own));
        assertEquals(own + ": 256.0 MB is more than PoolScope opens (256 MB): save a shorter part of the run", e.getMessage());
    }

    private void assertProblem(String json, String expected) throws IOException {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, json);
        IOException e = assertThrows(IOException.class, () -> AnyTrace.read(f), json);
        assertTrue(e.getMessage().startsWith(f + ": ") && e.getMessage().contains(expected), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }
}

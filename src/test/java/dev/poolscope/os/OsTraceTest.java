package dev.poolscope.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.poolscope.engine.Mode;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.TaskKind;
import dev.poolscope.engine.TaskSpec;
import dev.poolscope.trace.OsSample;
import dev.poolscope.trace.RunTrace;
import dev.poolscope.trace.TraceCsv;
import dev.poolscope.trace.TraceJson;
import dev.poolscope.trace.WorkerRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The samples' path into the trace: JSON (workers[].samples) and back, the samples CSV, old traces. */
class OsTraceTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static RunTrace sampled;

    @TempDir
    Path dir;

    @BeforeAll
    static void run() throws Exception {
        Assumptions.assumeTrue(LinuxProcProbe.available(), "needs Linux /proc");
        RunConfig config = RunConfig.builder().mode(Mode.MAP).pool(2).chunksize(1)
                .task(TaskSpec.of("spin", TaskKind.SPIN, 400))
                .task(TaskSpec.of("nap", TaskKind.SLEEP, 400)).build();
        sampled = SampledRun.of("sampled", config).trace;
    }

    @Test
    void samplesRoundTripThroughTheTraceFile() throws Exception {
        for (WorkerRecord w : sampled.workers()) {
            assertTrue(w.samples().size() >= 3, "pid " + w.pid() + " has " + w.samples().size() + " samples");
        }
        assertTrue(sampled.stats().slots().stream().allMatch(s -> s.cpuUtilization() != null));
        assertTrue(sampled.stats().machineCpus() > 0);
        Path file = dir.resolve("sampled.json");
        TraceJson.write(sampled, file);
        assertEquals(sampled, TraceJson.read(file));

        JsonNode sample = MAPPER.readTree(file.toFile()).get("workers").get(0).get("samples").get(0);
        List<String> fields = List.of("atMs", "cpuPct", "state", "rssKb", "cpuMs");
        assertEquals(fields, iterable(sample));
        assertEquals(1, sample.get("state").asText().length());
    }

    @Test
    void theSamplesCsvHasARowPerSample() throws Exception {
        Path csv = dir.resolve("samples.csv");
        TraceCsv.writeSamples(sampled, csv);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("slot,pid,generation,atMs,cpuPct,state,rssKb,cpuMs", lines.get(0));
        int samples = sampled.workers().stream().mapToInt(w -> w.samples().size()).sum();
        assertEquals(samples + 1, lines.size());
        WorkerRecord w = sampled.workers().get(0);
        OsSample s = w.samples().get(0);
        String[] row = lines.get(1).split(",");
        assertEquals(String.valueOf(w.pid()), row[1]);
        assertEquals(String.valueOf(s.state()), row[5]);
        assertEquals(s.rssKb(), Long.parseLong(row[6]));
    }

    @Test
    void theChromeTraceHasACpuCounterPerSample() throws Exception {
        Path file = dir.resolve("chrome.json");
        dev.poolscope.trace.ChromeTrace.write(sampled, file);
        JsonNode events = MAPPER.readTree(file.toFile()).get("traceEvents");
        for (WorkerRecord w : sampled.workers()) {
            int counters = 0;
            for (JsonNode e : events) {
                if ("C".equals(e.get("ph").asText()) && e.get("pid").asLong() == w.pid()) {
                    counters++;
                    assertEquals("CPU %", e.get("name").asText());
                    assertTrue(e.get("args").get("cpu").isNumber());
                }
            }
            assertEquals(w.samples().size(), counters, "one counter event per sample of pid " + w.pid());
        }
    }

    @Test
    void aReplayFeedsTheSamplesToTheLanesAndTheStatistics() throws Exception {
        dev.poolscope.ui.replay.ReplayRun replay = dev.poolscope.ui.replay.ReplayRun.of(sampled, "sampled");
        long end = replay.endNs();
        dev.poolscope.ui.timeline.TimelineModel live = replay.liveAt(end);
        for (int slot = 0; slot < live.laneCount(); slot++) {
            int expected = 0;
            for (WorkerRecord w : sampled.workers()) {
                if (w.slot() == slot) {
                    expected += (int) w.samples().stream().filter(s -> Math.round(s.atMs() * 1e6) <= end).count();
                }
            }
            assertTrue(expected >= 3, "samples of slot " + slot);
            assertEquals(expected, live.lane(slot).os().size(), "the replayed lane " + slot + " has every sample");
        }
        RunTrace again = dev.poolscope.trace.TraceBuilder.of("again", replay.config(), replay.events());
        assertEquals(sampled.stats().machineCpus(), again.stats().machineCpus());
        assertEquals(sampled.stats().machineLoad1(), again.stats().machineLoad1(), 1e-9);
        for (int i = 0; i < sampled.stats().slots().size(); i++) {
            assertEquals(sampled.stats().slots().get(i).cpuUtilization(), again.stats().slots().get(i).cpuUtilization(),
                    0.02, "CPU utilization of slot " + i + " after a replay");
        }
    }

    @Test
    void aTraceWithoutSamplesStillReads() throws Exception {
        ObjectNode root = (ObjectNode) MAPPER.readTree(TraceJson.toJson(sampled));
        root.get("workers").forEach(w -> ((ObjectNode) w).remove("samples"));
        root.get("stats").get("slots").forEach(s -> ((ObjectNode) s).remove("cpuUtilization"));
        ((ObjectNode) root.get("stats")).remove(List.of("machineCpus", "machineLoad1"));
        Path file = dir.resolve("old.json");
        MAPPER.writeValue(file.toFile(), root);
        RunTrace old = TraceJson.read(file);
        assertTrue(old.workers().stream().allMatch(w -> w.samples().isEmpty()));
        assertNull(old.stats().slots().get(0).cpuUtilization());
        assertEquals(0, old.stats().machineCpus());
    }

    @Test
    void aBadSampleIsNamedInOneLine() throws Exception {
        ObjectNode root = (ObjectNode) MAPPER.readTree(TraceJson.toJson(sampled));
        ((ObjectNode) root.get("workers").get(0).get("samples").get(1)).put("state", "RS");
        Path file = dir.resolve("bad.json");
        MAPPER.writeValue(file.toFile(), root);
        IOException e = assertThrows(IOException.class, () -> TraceJson.read(file));
        assertTrue(e.getMessage().contains("workers[0].samples[1].state: expected one letter"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

package dev.poolscope.traceimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.trace.BigPoolRun;
import dev.poolscope.trace.RunTrace;
import dev.poolscope.trace.TraceJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What PoolScope writes, it reads (issue 19, defect 3): a watched {@code Pool(2).map} over 200,000
 * items ran to its end, but its 143 MB trace was refused by {@code render --trace}, {@code ui --open}
 * and replay (AnyTrace opened at most 64 MB). The trace is made as a run makes it (the CPython
 * engine's events through the same TraceBuilder), written as {@code run --trace} writes it, and read
 * back as {@code render --trace} reads it.
 */
class BigTraceTest {
    @TempDir
    Path dir;

    @Test
    void aTraceOf200000TasksIsReadBackWholeThroughTheRenderPath() throws Exception {
        int n = 200_000;
        RunTrace t = BigPoolRun.trace(n);
        Path file = dir.resolve("big_map.json");
        TraceJson.write(t, new TraceJson.Origin("cpython", BigPoolRun.MAIN_PID), file);
        long size = Files.size(file);
        long t0 = System.nanoTime();
        RunTrace back = AnyTrace.read(file);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "BigTraceTest: %,d tasks, %,d events: %.1f MB (%.0f bytes a task), read in %.1f s%n",
                n, t.events().size(), size / 1048576.0, size / (double) n, seconds);
        assertEquals(n, back.tasks().size());
        for (int i = 0; i < n; i++) {
            if (!t.tasks().get(i).equals(back.tasks().get(i))) {
                assertEquals(t.tasks().get(i), back.tasks().get(i), "task " + i);
            }
        }
        assertTrue(back.recorded(), "the recorded events are kept");
        assertEquals(t.events().size(), back.events().size());
        assertTrue(t.events().equals(back.events()), "the events read back as they were");
        assertEquals(t.deliveryOrder(), back.deliveryOrder());
        assertEquals(t.output(), back.output());
        assertTrue(size < 90L << 20, "compact: " + size + " bytes");
    }
}

package dev.poolscope.engine;

import static dev.poolscope.engine.RunResult.pool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tasks that print far too much: output is bounded per task and per run, with a visible marker. */
class FloodTest {
    @Test
    void fiftyMegabytesFromOneTaskAreCappedAndCounted() throws Exception {
        String line = "x".repeat(999) + "\u00e9"; // 1,001 bytes a line
        long t0 = System.nanoTime();
        RunResult r = RunResult.run(pool(1, Mode.MAP).task(TaskSpec.print("flood", line).withTimes(50_000))
                .task(TaskSpec.ofN("after", TaskKind.DOUBLE, 4, 0)).build());
        assertTrue(System.nanoTime() - t0 < 30_000_000_000L, "a 50 MB flood does not stall the run");
        List<RunEvent.OutputLine> kept = r.all(RunEvent.OutputLine.class);
        long keptBytes = kept.size() * 1001L;
        assertTrue(keptBytes <= 64 * 1024, "at most 64 KiB kept per task, kept " + keptBytes);
        RunEvent.OutputTruncated marker = r.all(RunEvent.OutputTruncated.class).get(0);
        assertEquals(0, marker.index());
        assertEquals(50_000 - kept.size(), marker.lines(), "every dropped line is counted");
        assertEquals(TaskStatus.OK, r.finished(0).status());
        assertEquals("8", r.finished(1).result());
    }

    @Test
    void theWholeRunKeepsABoundedAmountOfOutput() throws Exception {
        RunConfig.Builder b = pool(2, Mode.MAP).chunksize(4);
        String line = "y".repeat(1000);
        for (int i = 0; i < 60; i++) {
            b.task(TaskSpec.print("p" + i, line).withTimes(60)); // 60 KB each, 3.6 MB in all
        }
        RunResult r = RunResult.run(b.build());
        long keptChars = r.all(RunEvent.OutputLine.class).stream().mapToLong(o -> o.text().length()).sum();
        assertTrue(keptChars <= Limits.MAX_RUN_OUTPUT_CHARS, "kept " + keptChars);
        long dropped = r.all(RunEvent.OutputTruncated.class).stream().mapToLong(RunEvent.OutputTruncated::lines).sum();
        assertEquals(60 * 60, r.all(RunEvent.OutputLine.class).size() + dropped, "kept + counted = printed");
        assertTrue(r.all(RunEvent.TaskFinished.class).stream().allMatch(f -> f.status() == TaskStatus.OK));
    }
}

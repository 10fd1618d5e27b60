package dev.poolscope.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsCalculatorTest {
    private static TaskRecord task(int index, int slot, Double start, Double end) {
        return new TaskRecord(index, "t" + index, "sleep", index, slot, slot < 0 ? -1 : 100 + slot, start, end,
                end == null ? null : "ok", null, null, List.of(), false);
    }

    @Test
    void theExampleFromTheDefinitions() {
        // 2 slots: 0-100 and 100-200 on slot 0, 0-300 on slot 1.
        Stats s = StatsCalculator.of(List.of(task(0, 0, 0.0, 100.0), task(1, 1, 0.0, 300.0), task(2, 0, 100.0, 200.0)),
                2, 300);
        assertEquals(300, s.makespanMs());
        assertEquals(500, s.totalBusyMs());
        assertEquals(5.0 / 3, s.concurrency(), 1e-6);
        // One run measures no speedup: busy / makespan is how many tasks ran at once, not a speedup.
        assertNull(s.speedup());
        assertNull(s.efficiency());
        assertNull(s.baselineMakespanMs());
        assertEquals(300, s.lowerBoundMs(), "max(300, 500 / 2)");
        assertEquals(300, s.longestTaskMs());
        assertEquals(2, s.slots().size());
        assertEquals(200, s.slots().get(0).busyMs());
        assertEquals(200.0 / 300, s.slots().get(0).utilization(), 1e-6);
        assertEquals(1.0, s.slots().get(1).utilization(), 1e-6);
    }

    @Test
    void theBuilderGivesTheSameNumbersFromEvents() {
        Stats s = Events.example().stats();
        assertEquals(300, s.makespanMs());
        assertEquals(500, s.totalBusyMs());
        assertEquals(5.0 / 3, s.concurrency(), 1e-6);
        assertNull(s.speedup());
        assertEquals(300, s.lowerBoundMs());
        assertEquals(200.0 / 300, s.slots().get(0).utilization(), 1e-6);
    }

    @Test
    void lowerBoundIsTheAverageLoadWhenTasksAreShort() {
        Stats s = StatsCalculator.of(List.of(task(0, 0, 0.0, 100.0), task(1, 0, 100.0, 200.0),
                task(2, 0, 200.0, 300.0)), 2, 0);
        assertEquals(150, s.lowerBoundMs(), "max(100, 300 / 2)");
        assertEquals(1.0, s.concurrency(), 1e-9);
        assertEquals(0, s.slots().get(1).utilization());
    }

    @Test
    void zeroMakespanGivesZerosNeverNaN() {
        for (Stats s : List.of(StatsCalculator.of(List.of(), 4, 0),
                StatsCalculator.of(List.of(task(0, 0, 10.0, 10.0), task(1, 1, 10.0, 10.0)), 2, 10),
                StatsCalculator.of(List.of(task(0, -1, null, null)), 0, 0))) {
            assertEquals(0, s.makespanMs());
            assertEquals(0, s.concurrency());
            assertNull(s.speedup());
            s.slots().forEach(slot -> assertEquals(0, slot.utilization()));
            assertTrue(Double.isFinite(s.lowerBoundMs()));
        }
        String json = TraceJson.toJson(TraceBuilder.of("empty", Events.config(2, "A"), List.of()));
        assertFalse(json.contains("NaN") || json.contains("Infinity"), json);
    }

    @Test
    void aRunningTaskIsMeasuredUpToNow() {
        Stats s = StatsCalculator.of(List.of(task(0, 0, 0.0, 100.0), task(1, 1, 50.0, null)), 2, 250);
        assertEquals(250, s.makespanMs());
        assertEquals(300, s.totalBusyMs(), "100 + (250 - 50)");
        assertEquals(200, s.slots().get(1).busyMs());
    }

    @Test
    void tasksThatNeverStartedCountNothing() {
        Stats s = StatsCalculator.of(List.of(task(0, 0, 0.0, 100.0), task(1, -1, null, null)), 2, 500);
        assertEquals(100, s.makespanMs());
        assertEquals(100, s.totalBusyMs());
    }

    @Test
    void timesAreRoundedToAMicrosecond() {
        Stats s = StatsCalculator.of(List.of(task(0, 0, 0.1, 0.2), task(1, 0, 0.2, 0.3)), 1, 0);
        assertEquals(0.2, s.makespanMs());
        assertEquals(0.2, s.totalBusyMs());
        assertEquals(1.0, s.concurrency());
    }

    @Test
    void speedupAndEfficiencyComeOnlyWithAMeasuredBaselineNamedBesideThem() {
        Stats s = StatsCalculator.of(List.of(task(0, 0, 0.0, 100.0), task(1, 1, 0.0, 300.0)), 2, 300);
        Stats against = s.withBaseline(450, 2.0);
        assertEquals(1.5, against.speedup(), 1e-9, "450 / 300");
        assertEquals(0.75, against.efficiency(), 1e-9, "1.5 / 2 workers");
        assertEquals(450, against.baselineMakespanMs());
        assertEquals(s.concurrency(), against.concurrency());
        assertNull(s.withBaseline(450, null).efficiency(), "the pool did not change: no efficiency");
    }
}

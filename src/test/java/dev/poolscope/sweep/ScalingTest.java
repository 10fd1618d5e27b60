package dev.poolscope.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.engine.Mode;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.TaskKind;
import dev.poolscope.engine.TaskSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sweep's arithmetic and sentences on made-up timings whose right answers are known. */
class ScalingTest {
    private static RunConfig eight(TaskKind kind) {
        RunConfig.Builder b = RunConfig.builder().mode(Mode.MAP).pool(2);
        for (int i = 0; i < 8; i++) {
            b.task(TaskSpec.of("t" + i, kind, 500));
        }
        return b.build();
    }

    private static SweepPlan pools(TaskKind kind, String... values) {
        return SweepPlan.of("test", eight(kind), SweepSetting.POOL, List.of(values), 1);
    }

    /** One run per value, with these makespans; each run's task time is 4000 ms, longest 500. */
    private static SweepSummary summary(SweepPlan plan, int cpus, double... makespans) {
        double[] busy = new double[makespans.length];
        java.util.Arrays.fill(busy, 4000);
        return summary(plan, cpus, makespans, busy);
    }

    /** As above, with each value's total task time given (CPU work stretches past the core count). */
    private static SweepSummary summary(SweepPlan plan, int cpus, double[] makespans, double[] busy) {
        List<SweepRun> runs = new ArrayList<>();
        for (int v = 0; v < makespans.length; v++) {
            runs.add(FakeRuns.run(plan, v, 0, makespans[v], busy[v], 500 * busy[v] / 4000));
        }
        return Scaling.summarize(plan, runs, cpus);
    }

    @Test
    void karpFlattIsZeroForPerfectScalingAndOneForNone() {
        assertEquals(0, Scaling.karpFlatt(4, 4), 1e-12);
        assertEquals(1, Scaling.karpFlatt(1, 4), 1e-12);
        // S = 2 on 4 workers: (1/2 - 1/4) / (3/4) = 1/3.
        assertEquals(1.0 / 3, Scaling.karpFlatt(2, 4), 1e-12);
    }

    @Test
    void medianTakesTheMiddleOrTheMeanOfTheMiddleTwo() {
        assertEquals(3, Scaling.median(List.of(5.0, 1.0, 3.0)));
        assertEquals(2.5, Scaling.median(List.of(4.0, 1.0, 2.0, 3.0)));
    }

    @Test
    void amdahlFitRecoversTheSerialFractionOfExactData() {
        List<double[]> pts = new ArrayList<>();
        for (int p : new int[] {1, 2, 4, 8}) {
            pts.add(new double[] {p, 1000 * (0.2 + 0.8 / p)});
        }
        AmdahlFit fit = AmdahlFit.of(pts);
        assertEquals(0.2, fit.serialFraction(), 1e-9);
        assertEquals(1000, fit.t1Ms(), 1e-6);
        assertEquals(0, fit.rmsMs(), 1e-6);
        assertEquals(1000 * (0.2 + 0.8 / 3), fit.makespanAt(3), 1e-6);
    }

    @Test
    void amdahlFitNeverGivesANegativeSerialPart() {
        // Better than linear (super-linear noise) would need a < 0: clamp to a pure 1/p curve.
        AmdahlFit fit = AmdahlFit.of(List.of(new double[] {1, 1000}, new double[] {2, 400}, new double[] {4, 150}));
        assertEquals(0, fit.serialFraction(), 1e-12);
        assertNull(AmdahlFit.of(List.<double[]>of(new double[] {2, 100}, new double[] {2, 110})));
    }

    @Test
    void cpuBoundShapeGivesSpeedupEfficiencyKarpFlattAndACpuVerdict() {
        SweepSummary s = summary(pools(TaskKind.SPIN, "1", "2", "4", "8"), 2, new double[] {4000, 2000, 2000, 2050},
                new double[] {4000, 4000, 8000, 16400});
        List<SweepPoint> p = s.points();
        assertEquals(1.0, p.get(0).speedup(), 1e-9);
        assertEquals(2.0, p.get(1).speedup(), 1e-9);
        assertEquals(0.5, p.get(2).efficiency(), 1e-9);
        assertNull(p.get(0).karpFlatt());
        assertEquals(1.0 / 3, p.get(2).karpFlatt(), 1e-9);
        assertEquals(1000, p.get(2).lowerBoundMs(), 1e-9);
        assertEquals(500, p.get(3).lowerBoundMs(), 1e-9);
        assertTrue(s.baseline().contains("pool 1"), s.baseline());
        String v = s.verdict();
        assertTrue(v.contains("to 2000.0 ms at pool 2"), v);
        assertTrue(v.contains("each task took 2.00 times as long, because more workers than the 2 CPUs share"), v);
        assertTrue(v.contains("rises"), v);
    }

    @Test
    void sleepyShapeSaysTheTasksRunOutNotTheCpus() {
        SweepSummary s = summary(pools(TaskKind.SLEEP, "1", "2", "4", "8", "16"), 2, 4000, 2000, 1000, 510, 515);
        String v = s.verdict();
        assertTrue(v.contains("at pool 8 it reaches the schedule bound"), v);
        assertTrue(v.contains("with 8 tasks no schedule can beat the longest task (500.0 ms)"), v);
        assertTrue(!v.contains("CPUs"), v);
        assertTrue(v.contains("Almost all of the run gets faster with more workers"), v);
        assertTrue(s.fit().serialFraction() < 0.05, "fit " + s.fit());
    }

    @Test
    void slowdownWithoutLongerTasksIsPutDownToOverheadNotCpus() {
        SweepSummary s = summary(pools(TaskKind.SLEEP, "1", "2", "4"), 2, 4000, 2100, 2200);
        assertTrue(s.verdict().contains("the tasks took no longer, so the time went to overhead"), s.verdict());
    }

    @Test
    void stillScalingAtTheLargestPoolIsSaid() {
        // Pool 4's bound is max(500, 4000 / 4) = 1000 ms: 1300 ms still has room to fall.
        SweepSummary s = summary(pools(TaskKind.SLEEP, "1", "2", "4"), 2, 4000, 2000, 1300);
        assertTrue(s.verdict().contains("still falling at the largest pool swept"), s.verdict());
    }

    @Test
    void withoutPoolOneSpeedupIsAgainstTheSmallestPoolAndSaysSo() {
        SweepSummary s = summary(pools(TaskKind.SLEEP, "2", "4"), 2, 2000, 1000);
        assertTrue(s.baseline().contains("pool 2") && s.baseline().contains("pool 1 was not swept"), s.baseline());
        SweepPoint four = s.points().get(1);
        assertEquals(2.0, four.speedup(), 1e-9);
        assertEquals(2.0, four.idealSpeedup(), 1e-9);
        assertEquals(1.0, four.efficiency(), 1e-9);
    }

    @Test
    void chunksizeSweepComparesAgainstTheFirstValueWithoutPoolMetrics() {
        SweepPlan plan = SweepPlan.of("test", eight(TaskKind.SLEEP), SweepSetting.CHUNKSIZE, List.of("1", "4"), 1);
        SweepSummary s = summary(plan, 2, 2000, 2500);
        assertEquals(0.8, s.points().get(1).speedup(), 1e-9);
        assertNull(s.points().get(1).karpFlatt());
        assertNull(s.fit());
        assertTrue(s.verdict().startsWith("chunksize 1 was fastest"), s.verdict());
    }

    @Test
    void medianMinAndMaxComeFromTheRepeats() {
        SweepPlan plan = SweepPlan.of("test", eight(TaskKind.SLEEP), SweepSetting.POOL, List.of("1", "2"), 3);
        List<SweepRun> runs = List.of(FakeRuns.run(plan, 0, 0, 4000, 4000, 500), FakeRuns.run(plan, 0, 1, 4100, 4000, 500),
                FakeRuns.run(plan, 0, 2, 3900, 4000, 500), FakeRuns.run(plan, 1, 0, 2300, 4000, 500),
                FakeRuns.run(plan, 1, 1, 2000, 4000, 500), FakeRuns.run(plan, 1, 2, 2100, 4000, 500));
        SweepPoint two = Scaling.summarize(plan, runs, 2).points().get(1);
        assertEquals(2100, two.medianMs());
        assertEquals(2000, two.minMs());
        assertEquals(2300, two.maxMs());
        assertEquals(3, two.runs());
        assertEquals(2100, two.representative().makespanMs());
    }

    @Test
    void planRejectsBadValuesInOneLine() {
        RunConfig base = eight(TaskKind.SLEEP);
        assertEquals("pool: 'x' is not a whole number", assertThrows(IllegalArgumentException.class,
                () -> SweepPlan.of("t", base, SweepSetting.POOL, List.of("1", "x"), 1)).getMessage());
        assertEquals("pool: 2 is listed twice", assertThrows(IllegalArgumentException.class,
                () -> SweepPlan.of("t", base, SweepSetting.POOL, List.of("2", "02"), 1)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> SweepPlan.of("t", base, SweepSetting.MODE, List.of("map", "fast"), 1)).getMessage()
                .startsWith("mode: must be one of"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> SweepPlan.of("t", base.toBuilder().mode(Mode.PROCESS).build(), SweepSetting.POOL,
                        List.of("1", "2"), 1)).getMessage().startsWith("pool: a process-mode scenario"));
    }

    @Test
    void defaultPoolsDoubleUpToTwiceTheCpuCount() {
        assertEquals(List.of(1, 2, 4), SweepPlan.defaultPools(2));
        assertEquals(List.of(1, 2, 4, 8, 12), SweepPlan.defaultPools(6));
        assertEquals(List.of(1, 2), SweepPlan.defaultPools(1));
    }

    @Test
    void csvHasAHeaderAndARowPerRunWithTheVariedColumn() {
        SweepPlan plan = SweepPlan.of("test", eight(TaskKind.SLEEP), SweepSetting.CHUNKSIZE, List.of("1", "4"), 1);
        List<SweepRun> runs = List.of(FakeRuns.run(plan, 0, 0, 2000, 4000, 500), FakeRuns.run(plan, 1, 0, 2500, 4000, 500));
        SweepResult result = new SweepResult(plan, runs, false);
        String[] lines = SweepFiles.csv(result, result.summary(2)).split("\n");
        assertEquals("pool,chunksize,repeat,makespanMs,speedup,efficiency,totalBusyMs,complete", lines[0]);
        assertEquals("2,4,1,2500,0.8,0.8,4000,true", lines[2]);
        assertEquals(3, lines.length);
    }
}

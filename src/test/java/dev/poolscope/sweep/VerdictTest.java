package dev.poolscope.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.engine.Mode;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.TaskKind;
import dev.poolscope.engine.TaskSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sweep's verdict says what its points say: known timings, the sentence they call for. */
class VerdictTest {
    private static SweepPlan pools(TaskKind kind, int repeats, String... values) {
        RunConfig.Builder b = RunConfig.builder().mode(Mode.MAP).pool(2);
        for (int i = 0; i < 8; i++) {
            b.task(TaskSpec.of("t" + i, kind, 500));
        }
        return SweepPlan.of("test", b.build(), SweepSetting.POOL, List.of(values), repeats);
    }

    /** makespans[v][r]: value v's repeat r; busy[v]: its total task time (longest task 500 ms at 4000). */
    private static SweepSummary summary(SweepPlan plan, double[][] makespans, double[] busy) {
        List<SweepRun> runs = new ArrayList<>();
        for (int v = 0; v < makespans.length; v++) {
            for (int r = 0; r < makespans[v].length; r++) {
                runs.add(FakeRuns.run(plan, v, r, makespans[v][r], busy[v], 500 * busy[v] / 4000));
            }
        }
        return Scaling.summarize(plan, runs, 2);
    }

    private static SweepSummary once(SweepPlan plan, double[] busy, double... makespans) {
        double[][] m = new double[makespans.length][];
        for (int i = 0; i < m.length; i++) {
            m[i] = new double[] {makespans[i]};
        }
        return summary(plan, m, busy);
    }

    @Test
    void sleepyReachingTheScheduleBoundAtPoolEightSaysSoNotStillFalling() {
        // 8 sleeps of 500 ms: at pool 8 every task has its own worker, the bound is the longest task.
        SweepSummary s = once(pools(TaskKind.SLEEP, 1, "1", "2", "4", "8"), new double[] {4000, 4000, 4000, 4000},
                4000, 2000, 1000, 510);
        String v = s.verdict();
        assertTrue(v.contains("at pool 8 it reaches the schedule bound (500.0 ms)"), v);
        assertTrue(v.contains("no pool can do better with this task list"), v);
        assertFalse(v.contains("still falling"), v);
        // Pool 2 reaching its own bound (2000 ms) is not the end: larger pools' bounds are lower.
        SweepSummary cpu = once(pools(TaskKind.SPIN, 1, "1", "2", "4"), new double[] {4000, 4000, 8000}, 4000, 2000, 2000);
        assertFalse(cpu.verdict().contains("schedule bound"), cpu.verdict());
    }

    @Test
    void aSlowerPoolIsCalledSlowerWithHowMuch() {
        // cpu-bound on 2 cores: pool 4 takes 41 % longer than pool 2 (the spins stretch and overhead adds).
        SweepSummary s = once(pools(TaskKind.SPIN, 1, "1", "2", "4"), new double[] {4000, 4000, 8000},
                4000, 2000, 2820);
        String v = s.verdict();
        assertTrue(v.contains("Pool 4 is slower: 41.0 % slower than pool 2 (2820.0 ms against 2000.0 ms)"), v);
        assertFalse(v.contains("at most 10 % faster"), v);
        assertFalse(v.contains("faster than pool 2"), v);
    }

    @Test
    void repeatsSpreadingFrom2400To6700MsAreNoiseWithTheRepeatsThatWouldSettleIt() {
        SweepSummary s = summary(pools(TaskKind.SPIN, 3, "1", "2", "4"),
                new double[][] {{4000, 4100, 4050}, {2400, 6700, 3000}, {2100, 2200, 2150}},
                new double[] {4000, 4000, 8000});
        String v = s.verdict();
        assertTrue(v.startsWith("Too noisy to read: the repeats at pool 2 took 2400.0 to 6700.0 ms"), v);
        assertTrue(v.contains("no trend is claimed"), v);
        // (6700 - 2400) / 3000 = 1.43; (1.43 / 2 / 0.05)^2 = 205 -> capped at 50.
        assertTrue(v.contains("About 50 repeats per point"), v);
        assertFalse(v.contains("Karp-Flatt"), v);
        assertFalse(v.contains("Amdahl"), v);
        assertEquals(5, Verdict.repeatsToSettle(0.1, 3), "a narrow spread still asks for two more than were run");
        assertEquals(16, Verdict.repeatsToSettle(0.4, 3), "(0.4 / 2 / 0.05)^2 = 16");
    }

    @Test
    void karpFlattAndAmdahlAreReadInPlainWords() {
        // Rising e: 1 -> 2 -> 4 -> 8 with 4000, 2200, 1400, 1100: e = 0.10, 0.13, 0.16 ... grows.
        SweepSummary rising = once(pools(TaskKind.SLEEP, 1, "1", "2", "4", "8"), new double[] {4000, 4000, 4000, 4000},
                4000, 2400, 1800, 1700);
        String v = rising.verdict();
        assertTrue(v.contains("The part of the run that does not get faster with more workers grows with the pool"), v);
        // A fixed serial part of 20 %: T(p) = 4000 (0.2 + 0.8 / p).
        SweepSummary fixed = once(pools(TaskKind.SLEEP, 1, "1", "2", "4", "8"), new double[] {4000, 4000, 4000, 4000},
                4000, 2400, 1600, 1200);
        String f = fixed.verdict();
        assertTrue(f.contains("About 20.0 % of the run does not get faster with more workers, whatever the pool"), f);
        assertTrue(f.contains("Amdahl's law fits the makespans best if 20.0 % of the work cannot be shared out"), f);
        assertTrue(f.contains("no pool could be more than 5.00 times as fast as one worker"), f);
    }
}

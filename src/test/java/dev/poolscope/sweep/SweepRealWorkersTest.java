package dev.poolscope.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.engine.PoolService;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.TaskSpec;
import dev.poolscope.scenario.Lessons;
import dev.poolscope.scenario.Scenario;
import dev.poolscope.trace.RunTrace;
import dev.poolscope.trace.TaskRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sweeps of the two lessons on real worker processes, with their tasks shortened so the test
 * stays quick. Each asserts what holds however loaded the machine is; speed is for benchmarks.
 */
class SweepRealWorkersTest {
    private static final int CPUS = Runtime.getRuntime().availableProcessors();

    /** The lesson with every task's time cut to {@code ms}. */
    private static RunConfig shortened(String lesson, long ms) throws Exception {
        Scenario s = Lessons.load(lesson);
        List<TaskSpec> tasks = new ArrayList<>();
        for (TaskSpec t : s.config().tasks()) {
            tasks.add(t.withMs(ms));
        }
        return s.config().toBuilder().tasks(tasks).build();
    }

    private static SweepResult sweep(String lesson, long ms, String... pools) throws Exception {
        SweepPlan plan = SweepPlan.of(lesson, shortened(lesson, ms), SweepSetting.POOL, List.of(pools), 1);
        SweepResult result = new SweepRunner(new PoolService()).run(plan, null);
        assertTrue(result.allComplete(), "every run should finish with every task ok");
        assertEquals(0, PoolService.liveWorkerCount(), "no worker may outlive the sweep");
        return result;
    }

    /**
     * CPU work cannot go faster than the cores allow: 8 spins of 150 ms of CPU each need at least
     * 1200 ms / min(4, CPUs) of wall time at pool 4, however idle or busy the machine (a busy one
     * only makes it slower). A spin timed by the wall clock (the old bug) took 300 ms on 2 cores.
     */
    @Test
    void cpuBoundAtFourWorkersTakesAtLeastItsCpuWorkOverTheCores() throws Exception {
        SweepResult result = sweep("cpu-bound", 150, "1", "4");
        SweepPoint four = result.summary().points().get(1);
        double floorMs = 8 * 150.0 / Math.min(4, CPUS);
        assertTrue(four.medianMs() >= floorMs * 0.95, "pool 4 took " + four.medianMs() + " ms for 1200 ms of CPU work on "
                + CPUS + " CPUs; it cannot take less than " + floorMs + " ms");
        for (SweepRun run : result.runs()) {
            run.trace().tasks().forEach(t -> assertTrue(t.durationMs() >= 150 * 0.95, "a 150 ms spin took " + t.durationMs()));
        }
    }

    /**
     * Sleeping tasks do not compete for the cores: at pool 8 the 8 sleeps run on 8 workers at the
     * same time (each starts before any ends), where pool 1 runs them one after another. How close
     * the speedup comes to 8 depends on how soon a loaded machine wakes each worker: a benchmark's
     * figure (see the README's sweep), not this test's.
     */
    @Test
    void sleepyAtEightWorkersRunsItsEightSleepsAtOnce() throws Exception {
        SweepResult result = sweep("sleepy", 500, "1", "8");
        RunTrace one = result.runs().stream().filter(r -> r.valueIndex() == 0).findFirst().orElseThrow().trace();
        RunTrace eight = result.runs().stream().filter(r -> r.valueIndex() == 1).findFirst().orElseThrow().trace();
        assertEquals(8, eight.tasks().stream().map(TaskRecord::slot).distinct().count(), "eight workers, one sleep each");
        double lastStart = eight.tasks().stream().mapToDouble(TaskRecord::startMs).max().orElseThrow();
        double firstEnd = eight.tasks().stream().mapToDouble(TaskRecord::endMs).min().orElseThrow();
        assertTrue(lastStart < firstEnd, "all eight sleeps overlap: last start " + lastStart + ", first end " + firstEnd);
        List<TaskRecord> serial = one.tasks().stream().sorted(java.util.Comparator.comparingDouble(TaskRecord::startMs)).toList();
        for (int i = 1; i < serial.size(); i++) {
            assertTrue(serial.get(i).startMs() >= serial.get(i - 1).endMs(), "pool 1 runs them one after another");
        }
        assertTrue(result.summary().points().get(1).speedup() > 1, "pool 8 is faster than pool 1");
        assertFalse(result.summary().verdict().isBlank());
    }
}

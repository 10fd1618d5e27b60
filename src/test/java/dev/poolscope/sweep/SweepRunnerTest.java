package dev.poolscope.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.engine.Mode;
import dev.poolscope.engine.PoolService;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.TaskKind;
import dev.poolscope.engine.TaskSpec;
import dev.poolscope.trace.RunTrace;
import dev.poolscope.trace.TraceJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner on real workers: order, progress, ordinary traces, and cancelling mid-run. */
class SweepRunnerTest {
    @TempDir
    Path dir;

    private static RunConfig sleeps(int n, long ms) {
        RunConfig.Builder b = RunConfig.builder().mode(Mode.MAP).pool(1).chunksize(1);
        for (int i = 0; i < n; i++) {
            b.task(TaskSpec.of("s" + i, TaskKind.SLEEP, ms));
        }
        return b.build();
    }

    @Test
    void runsRoundByRoundReportingProgressAndTimeLeft() throws Exception {
        SweepPlan plan = SweepPlan.of("small", sleeps(4, 60), SweepSetting.POOL, List.of("1", "2"), 2);
        List<String> started = new CopyOnWriteArrayList<>();
        List<Long> left = new CopyOnWriteArrayList<>();
        SweepResult result = new SweepRunner(new PoolService()).run(plan, new SweepRunner.Listener() {
            @Override
            public void runStarted(int index, int total, String label, int repeat) {
                started.add(index + "/" + total + " " + label + " r" + repeat);
            }

            @Override
            public void runFinished(SweepRun run, int done, int total, long msLeft) {
                left.add(msLeft);
            }
        });
        assertEquals(List.of("0/4 pool 1 r0", "1/4 pool 2 r0", "2/4 pool 1 r1", "3/4 pool 2 r1"), started);
        assertEquals(4, left.size());
        assertEquals(0L, left.get(3), "nothing is left after the last run");
        assertTrue(left.get(0) > left.get(2), "time left shrinks: " + left);
        assertTrue(result.allComplete());
        // Each run is an ordinary trace: it saves and reads back like any other.
        RunTrace t = result.runs().get(1).trace();
        assertEquals(2, t.pool());
        Path file = dir.resolve("run.json");
        TraceJson.write(t, file);
        assertEquals(t, TraceJson.read(file));
        assertFalse(result.runs().get(1).events().isEmpty());
    }

    @Test
    void cancelStopsTheRunInProgressAndLeavesNoWorker() throws Exception {
        // Sleeps of a minute: a cancel that waited for them would take minutes, not seconds.
        SweepPlan plan = SweepPlan.of("long", sleeps(4, 60_000), SweepSetting.POOL, List.of("1", "2"), 1);
        SweepRunner runner = new SweepRunner(new PoolService());
        AtomicReference<SweepResult> result = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                result.set(runner.run(plan, null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (PoolService.liveWorkerCount() < 1) { // the first run is in progress: it has its worker
            assertTrue(System.nanoTime() < deadline, "the sweep's first run never started a worker");
            Thread.sleep(20);
        }
        long cancelledAt = System.nanoTime();
        runner.cancel();
        t.join(60_000);
        assertFalse(t.isAlive(), "the runner should return soon after cancel");
        double msToStop = (System.nanoTime() - cancelledAt) / 1e6;
        assertTrue(msToStop < 30_000, "cancel waited " + msToStop + " ms: it should not wait for the minute-long sleeps");
        assertTrue(result.get().cancelled());
        assertTrue(result.get().runs().isEmpty(), "a stopped run is not kept: " + result.get().runs().size());
        assertEquals(0, PoolService.liveWorkerCount());
    }

    @Test
    void chunksizeSweepRunsEachValueWithItsChunksize() throws Exception {
        RunConfig base = sleeps(6, 20).toBuilder().pool(2).build();
        SweepPlan plan = SweepPlan.of("chunks", base, SweepSetting.CHUNKSIZE, List.of("1", "3"), 1);
        SweepResult result = new SweepRunner(new PoolService()).run(plan, null);
        List<Integer> chunksizes = new ArrayList<>();
        result.runs().forEach(r -> chunksizes.add(r.trace().chunksize()));
        assertEquals(List.of(1, 3), chunksizes);
        assertEquals(2, RunFacts.of(result.runs().get(1).trace()).chunks());
        String csv = SweepFiles.csv(result, result.summary());
        assertTrue(csv.startsWith("pool,chunksize,repeat,makespanMs,speedup,efficiency"), csv);
        Files.writeString(dir.resolve("x.csv"), csv);
    }
}

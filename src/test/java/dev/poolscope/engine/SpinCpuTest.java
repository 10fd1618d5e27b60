package dev.poolscope.engine;

import static dev.poolscope.engine.RunResult.pool;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A spin of N ms is N ms of CPU work (issue 8), so spinners that share cores stretch. The
 * bounds compare runs with each other, never with a speed: a loaded machine stretches both.
 */
class SpinCpuTest {
    private static final long SPIN_MS = 300;

    private static RunConfig spins(int pool, int count) {
        RunConfig.Builder b = pool(pool, Mode.IMAP).chunksize(1).startPolicy(StartPolicy.TOGETHER);
        for (int i = 0; i < count; i++) {
            b.task(TaskSpec.of("spin" + i, TaskKind.SPIN, SPIN_MS));
        }
        return b.build();
    }

    /** Mean wall time from each task's start to its end, in ms. */
    private static double meanTaskMs(RunResult r) {
        return r.all(RunEvent.TaskFinished.class).stream()
                .mapToDouble(f -> (f.at() - r.started(f.index()).at()) / 1e6).average().orElseThrow();
    }

    @Test
    void twoSpinsPinnedToOneCoreEachTakeAboutTwiceAsLong() throws Exception {
        Path taskset = Path.of("/usr/bin/taskset");
        assumeTrue(Files.isExecutable(taskset), "needs taskset to put both workers on one core");
        List<String> cmd = new ArrayList<>(List.of(taskset.toString(), "-c", "0"));
        cmd.addAll(WorkerCommand.forThisJvm(WorkerPriority.NORMAL).command());
        RunHandle run = new PoolService(new WorkerCommand(cmd)).start(spins(2, 2), RunListener.NONE);
        RunResult r = RunResult.finish(run);
        for (RunEvent.TaskFinished f : r.all(RunEvent.TaskFinished.class)) {
            double ms = (f.at() - r.started(f.index()).at()) / 1e6;
            // Alone it would take 300 ms; sharing the core with the other spin, about 600.
            assertTrue(ms >= 1.5 * SPIN_MS, "spin " + f.index() + " took " + ms + " ms on a shared core");
        }
    }

    @Test
    void twiceAsManySpinnersAsCoresStretchEachTask() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        assumeTrue(cores <= 16, "keeps the pool small");
        double fits = meanTaskMs(RunResult.run(spins(cores, cores)));
        double crowded = meanTaskMs(RunResult.run(spins(2 * cores, 2 * cores)));
        System.out.printf("spin %d ms: pool %d -> %.0f ms per task, pool %d -> %.0f ms per task%n",
                SPIN_MS, cores, fits, 2 * cores, crowded);
        // Ideal is 2x; other load on the machine stretches both runs, so allow a wide margin.
        assertTrue(crowded >= 1.3 * fits, "one spinner per core: " + fits + " ms per task; two per core: " + crowded);
    }
}

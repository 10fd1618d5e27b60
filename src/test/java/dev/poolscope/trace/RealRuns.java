package dev.poolscope.trace;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.engine.Mode;
import dev.poolscope.engine.PoolService;
import dev.poolscope.engine.RunConfig;
import dev.poolscope.engine.RunHandle;
import dev.poolscope.engine.RunListener;
import dev.poolscope.engine.TaskKind;
import dev.poolscope.engine.TaskSpec;
import java.time.Duration;

/** Real runs with real worker processes, each made once and shared by the tests that read it. */
final class RealRuns {
    private static RunTrace basic;
    private static RunTrace recycled;

    private RealRuns() {}

    /** Pool 2, chunksize 1: sleeps of 300, 100 and 200 ms, a print, and a crash with exit code 3. */
    static synchronized RunTrace basic() throws InterruptedException {
        if (basic == null) {
            RunConfig config = RunConfig.builder().mode(Mode.MAP).pool(2).chunksize(1)
                    .task(TaskSpec.of("A", TaskKind.SLEEP, 300))
                    .task(TaskSpec.of("B", TaskKind.SLEEP, 100))
                    .task(TaskSpec.print("C", "hello from {pid}").withMs(100))
                    .task(TaskSpec.of("D", TaskKind.SLEEP, 200))
                    .task(TaskSpec.of("E", TaskKind.CRASH, 50).withExitCode(3))
                    .build();
            basic = run("basic", config);
        }
        return basic;
    }

    /** Pool 2, maxtasksperchild 1: four 100 ms sleeps, so each slot has at least two processes. */
    static synchronized RunTrace recycled() throws InterruptedException {
        if (recycled == null) {
            RunConfig config = RunConfig.builder().mode(Mode.IMAP).pool(2).chunksize(1).maxTasksPerChild(1)
                    .task(TaskSpec.of("r0", TaskKind.SLEEP, 100))
                    .task(TaskSpec.of("r1", TaskKind.SLEEP, 100))
                    .task(TaskSpec.of("r2", TaskKind.SLEEP, 100))
                    .task(TaskSpec.of("r3", TaskKind.SLEEP, 100))
                    .build();
            recycled = run("recycled", config);
        }
        return recycled;
    }

    static RunTrace run(String name, RunConfig config) throws InterruptedException {
        RunHandle handle = new PoolService().start(config, RunListener.NONE);
        assertTrue(handle.awaitDone(Duration.ofSeconds(30)), "run did not finish within 30 s");
        return TraceBuilder.of(name, config, handle.events());
    }
}

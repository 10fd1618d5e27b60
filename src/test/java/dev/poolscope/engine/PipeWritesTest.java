package dev.poolscope.engine;

import static dev.poolscope.engine.RunResult.pool;
import static dev.poolscope.engine.RunResult.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.engine.FakeLauncher.Outcome;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A worker whose pipe does not drain (stopped, or too slow to read) never holds the run's lock
 * (issue 7, defect 7): the run decides under the lock and writes after releasing it.
 */
class PipeWritesTest {
    @Test
    void aWorkerWhosePipeIsFullDoesNotBlockTheRun() throws Exception {
        FakeLauncher launcher = new FakeLauncher();
        launcher.then(Outcome.DEAF);
        launcher.then(Outcome.START);
        RunHandle run = launcher.run(pool(2, Mode.MAP).startPolicy(StartPolicy.ASAP).task(sleep("only", 0)).build());
        FakeWorker deaf = launcher.next();
        FakeWorker worker = launcher.next();
        worker.hello();
        FakeWorker.Received chunk = worker.next();
        deaf.hello(); // idle: nothing left for it
        // The only task ends; finishing asks both workers to quit, and the write to the deaf one blocks.
        CompletableFuture.runAsync(() -> {
            try {
                worker.run(chunk);
            } catch (java.io.IOException e) {
                throw new RuntimeException(e);
            }
        });
        RunResult.waitFor(run, RunEvent.TaskFinished.class, f -> f.index() == 0, java.time.Duration.ofSeconds(5));
        // Nothing here waits on the deaf worker, so each call returns at once; 5 s is generous.
        assertEquals(2, CompletableFuture.supplyAsync(run::pids).get(5, TimeUnit.SECONDS).size());
        CompletableFuture.runAsync(run::stop).get(5, TimeUnit.SECONDS);
        RunResult r = FakeLauncher.finish(run);
        assertTrue(r.all(RunEvent.WorkerExited.class).stream().anyMatch(e -> e.pid() == deaf.pid()));
        assertEquals(TaskStatus.OK, r.finished(0).status());
    }
}

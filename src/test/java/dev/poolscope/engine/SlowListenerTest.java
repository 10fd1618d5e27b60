package dev.poolscope.engine;

import static dev.poolscope.engine.RunResult.pool;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class SlowListenerTest {
    /**
     * The listener is held on its very first event until the engine has finished the whole run:
     * if the engine waited for its listener at any point, the run could never finish and the
     * test would time out. No timing is measured, so a slow or a fast machine cannot decide it.
     */
    @Test
    void aBlockedListenerDoesNotHoldUpTheWorkersAndStillSeesEveryEventInOrder() throws Exception {
        RunConfig.Builder b = pool(2, Mode.MAP).chunksize(1);
        for (int i = 0; i < 200; i++) {
            b.task(TaskSpec.ofN("t" + i, TaskKind.SQUARE, i, 0));
        }
        CountDownLatch engineDone = new CountDownLatch(1);
        List<RunEvent> seen = Collections.synchronizedList(new ArrayList<>());
        RunListener blocked = e -> {
            try {
                engineDone.await();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            seen.add(e);
        };
        RunHandle run = new PoolService().start(b.build(), blocked);
        RunResult.waitFor(run, RunEvent.RunFinished.class, e -> true, Duration.ofSeconds(60));
        assertEquals(0, seen.size(), "the listener was still held on its first event when the engine finished");
        engineDone.countDown();
        RunResult r = RunResult.finish(run);
        assertEquals(200, r.all(RunEvent.TaskFinished.class).size());
        assertEquals(r.events, seen, "the listener saw every event, in order");
    }
}

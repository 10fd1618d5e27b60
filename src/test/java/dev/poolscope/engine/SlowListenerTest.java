package dev.poolscope.engine;

import static dev.poolscope.engine.RunResult.pool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlowListenerTest {
    @Test
    void aSlowListenerDoesNotSlowTheWorkersAndStillSeesEveryEventInOrder() throws Exception {
        RunConfig.Builder b = pool(2, Mode.MAP).chunksize(1);
        for (int i = 0; i < 200; i++) {
            b.task(TaskSpec.ofN("t" + i, TaskKind.SQUARE, i, 0));
        }
        List<RunEvent> seen = Collections.synchronizedList(new ArrayList<>());
        RunListener slow = e -> {
            seen.add(e);
            try {
                Thread.sleep(1); // ~1,000 events at 1 ms each: about a second behind the engine
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        };
        RunHandle run = new PoolService().start(b.build(), slow);
        RunResult.waitFor(run, RunEvent.RunFinished.class, e -> true, Duration.ofSeconds(30));
        int seenWhenEngineDone = seen.size();
        RunResult r = RunResult.finish(run);
        long first = r.all(RunEvent.TaskStarted.class).stream().mapToLong(RunEvent::at).min().orElseThrow();
        long last = r.all(RunEvent.TaskFinished.class).stream().mapToLong(RunEvent::at).max().orElseThrow();
        assertTrue((last - first) / 1_000_000 < 500, "200 tiny tasks took " + (last - first) / 1_000_000 + " ms");
        assertTrue(seenWhenEngineDone < r.events.size(), "the listener was still behind when the engine finished");
        assertEquals(r.events, seen, "the listener saw every event, in order");
    }
}

package dev.poolscope.engine;

import static dev.poolscope.engine.RunResult.pool;
import static dev.poolscope.engine.RunResult.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each mode delivers results the way its Python counterpart does. Tasks finish in the order
 * 2, 0, 1; the gaps are wide enough that workers starting a little apart cannot change that.
 */
class DeliveryOrderTest {
    private static RunResult run(Mode mode) throws InterruptedException {
        RunConfig.Builder b = pool(3, mode).task(sleep("slow-ish", 400)).task(sleep("slowest", 900)).task(sleep("fast", 10));
        if (mode == Mode.MAP || mode == Mode.IMAP || mode == Mode.IMAP_UNORDERED) {
            b.chunksize(1);
        }
        RunResult r = RunResult.run(b.build());
        assertEquals(List.of(2, 0, 1), r.completionOrder(), "the tasks finish fastest first");
        return r;
    }

    @Test
    void mapDeliversInInputOrderOnlyWhenAllAreDone() throws Exception {
        RunResult r = run(Mode.MAP);
        assertEquals(List.of(0, 1, 2), r.deliveryOrder());
        long lastFinish = r.finished(1).at();
        for (int i = 0; i < 3; i++) {
            assertTrue(r.delivered(i).at() >= lastFinish, "map holds every result until the last task ends");
        }
    }

    @Test
    void imapDeliversInInputOrderAsSoonAsAvailable() throws Exception {
        RunResult r = run(Mode.IMAP);
        assertEquals(List.of(0, 1, 2), r.deliveryOrder());
        assertTrue(r.delivered(0).at() < r.finished(1).at(), "task 0's result arrives before task 1 ends");
        assertTrue(r.delivered(2).at() >= r.finished(1).at(), "task 2 waits for task 1 to keep input order");
    }

    @Test
    void imapUnorderedDeliversInCompletionOrder() throws Exception {
        assertEquals(List.of(2, 0, 1), run(Mode.IMAP_UNORDERED).deliveryOrder());
    }

    @Test
    void applyAsyncCallbacksComeInCompletionOrder() throws Exception {
        RunResult r = run(Mode.APPLY_ASYNC);
        assertEquals(List.of(2, 0, 1), r.deliveryOrder());
        assertEquals(1, r.handle.config().effectiveChunksize());
    }

    @Test
    void processModeStartsOneProcessPerTaskAllAtOnce() throws Exception {
        RunResult r = run(Mode.PROCESS);
        assertEquals(List.of(2, 0, 1), r.deliveryOrder());
        List<RunEvent.WorkerSpawned> spawned = r.all(RunEvent.WorkerSpawned.class);
        assertEquals(3, spawned.size(), "one process per task");
        assertEquals(3, new HashSet<>(r.handle.pids()).size(), "three distinct PIDs");
        for (int i = 0; i < 3; i++) {
            assertEquals(i, r.started(i).slot(), "task i runs in process i");
        }
        assertTrue(r.all(RunEvent.WorkerExited.class).stream().allMatch(e -> e.kind() == ExitKind.NORMAL),
                "every process is joined after its task");
    }
}

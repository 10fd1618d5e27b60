package dev.poolscope.engine;

import static dev.poolscope.engine.RunResult.pool;
import static dev.poolscope.engine.RunResult.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PoolOptionsTest {
    @Test
    void defaultChunksizeIsComputedAsPoolMapDoesAndAChunkRunsOnOneWorker() throws Exception {
        assertEquals(2, RunConfig.defaultMapChunksize(10, 2), "divmod(10, 8) = (1, 2) -> 2");
        assertEquals(1, RunConfig.defaultMapChunksize(8, 2));
        assertEquals(4, RunConfig.defaultMapChunksize(100, 7), "divmod(100, 28) = (3, 16) -> 4");
        assertEquals(1, pool(2, Mode.IMAP).task(sleep("a", 0)).build().effectiveChunksize(), "imap defaults to 1");

        RunConfig.Builder b = pool(2, Mode.MAP);
        for (int i = 0; i < 10; i++) {
            b.task(sleep("t" + i, 20));
        }
        RunResult r = RunResult.run(b.build());
        Map<Integer, Long> pidOfChunk = new HashMap<>();
        for (RunEvent.TaskStarted s : r.all(RunEvent.TaskStarted.class)) {
            assertEquals(s.index() / 2, s.chunk(), "tasks 2k and 2k+1 form chunk k");
            Long before = pidOfChunk.putIfAbsent(s.chunk(), s.pid());
            assertTrue(before == null || before == s.pid(), "a chunk runs on one worker");
        }
        assertEquals(5, pidOfChunk.size());
    }

    @Test
    void maxTasksPerChildRecyclesWorkersWithNewPidsInTheSameSlot() throws Exception {
        RunConfig.Builder b = pool(1, Mode.MAP).chunksize(1).maxTasksPerChild(2);
        for (int i = 0; i < 6; i++) {
            b.task(sleep("t" + i, 5));
        }
        RunResult r = RunResult.run(b.build());
        List<Long> pids = r.pidsOfSlot(0);
        assertEquals(3, pids.size(), "6 chunks, 2 per child: three processes");
        assertEquals(3, new HashSet<>(pids).size(), "each a new PID");
        assertEquals(2, r.all(RunEvent.WorkerExited.class).stream().filter(e -> e.kind() == ExitKind.RECYCLED).count());
        for (int i = 0; i < 6; i++) {
            assertEquals(pids.get(i / 2), r.started(i).pid(), "tasks 2k, 2k+1 on process k");
        }
    }

    @Test
    void initializerRunsOnceInEachNewWorkerBeforeItsFirstTask() throws Exception {
        RunConfig.Builder b = pool(2, Mode.MAP).chunksize(1).maxTasksPerChild(2)
                .initializer(TaskSpec.print("init", "ready in {pid}"));
        for (int i = 0; i < 8; i++) {
            b.task(sleep("t" + i, 5));
        }
        RunResult r = RunResult.run(b.build());
        List<RunEvent.InitializerRan> inits = r.all(RunEvent.InitializerRan.class);
        // A successor still starting when the work is done is stopped before its initializer ends.
        List<Long> notNeeded = r.all(RunEvent.WorkerExited.class).stream()
                .filter(e -> ExitClassifier.NOT_NEEDED.equals(e.detail())).map(RunEvent.WorkerExited::pid).toList();
        List<RunEvent.WorkerSpawned> spawned = r.all(RunEvent.WorkerSpawned.class).stream()
                .filter(s -> !notNeeded.contains(s.pid())).toList();
        assertEquals(spawned.size(), inits.size(), "one initializer per process that was needed");
        assertEquals(spawned.size(), inits.stream().map(RunEvent.InitializerRan::pid).distinct().count());
        for (RunEvent.InitializerRan init : inits) {
            assertNull(init.error());
            r.all(RunEvent.TaskStarted.class).stream().filter(s -> s.pid() == init.pid())
                    .forEach(s -> assertTrue(s.at() >= init.at(), "tasks start after the initializer"));
        }
        List<String> lines = r.all(RunEvent.OutputLine.class).stream()
                .filter(o -> o.index() == -1 && !notNeeded.contains(o.pid())).map(RunEvent.OutputLine::text).toList();
        assertEquals(spawned.size(), lines.size());
        for (RunEvent.OutputLine o : r.all(RunEvent.OutputLine.class)) {
            assertEquals("ready in " + o.pid(), o.text(), "the initializer's line names its own PID");
        }
    }

    @Test
    void anIdleWorkerTakesTheNextChunkSoNoTaskWaitsBehindALongOne() throws Exception {
        RunResult r = RunResult.run(pool(2, Mode.IMAP).task(sleep("long", 1000)).task(sleep("a", 50))
                .task(sleep("b", 50)).task(sleep("c", 50)).build());
        int longSlot = r.started(0).slot();
        for (int i = 1; i < 4; i++) {
            assertNotEquals(longSlot, r.started(i).slot(), "task " + i + " does not queue behind the long task");
            assertTrue(r.finished(i).at() < r.finished(0).at());
        }
    }
}

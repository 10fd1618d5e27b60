package dev.poolscope.engine;

import static dev.poolscope.engine.RunResult.pool;
import static dev.poolscope.engine.RunResult.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.engine.FakeLauncher.Outcome;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Issue 8: by default the pool's first chunks go out when every worker is ready. */
class StartTogetherTest {
    private static RunConfig.Builder tasks(RunConfig.Builder b, int n) {
        for (int i = 0; i < n; i++) {
            b.task(sleep("t" + i, 0));
        }
        return b.chunksize(1);
    }

    @Test
    void togetherIsTheDefault() {
        assertEquals(StartPolicy.TOGETHER, tasks(pool(2, Mode.MAP), 1).build().startPolicy());
        assertEquals(StartPolicy.ASAP, StartPolicy.fromId("asap"));
    }

    @Test
    void theFirstChunksWaitUntilEveryWorkerIsReady() throws Exception {
        FakeLauncher launcher = new FakeLauncher();
        RunHandle run = launcher.run(tasks(pool(3, Mode.IMAP), 3).build());
        FakeWorker a = launcher.next();
        FakeWorker b = launcher.next();
        FakeWorker c = launcher.next();
        a.hello();
        b.hello();
        assertNull(a.poll(300), "a ready worker waits for the rest of the pool");
        c.hello();
        for (FakeWorker w : List.of(a, b, c)) {
            w.run(w.next());
        }
        RunResult r = FakeLauncher.finish(run);
        RunEvent.PoolReleased released = r.all(RunEvent.PoolReleased.class).get(0);
        assertEquals(3, released.ready());
        assertEquals(3, released.slots());
        assertTrue(r.events.indexOf(released) < r.events.indexOf(r.started(0)));
    }

    @Test
    void asapHandsOutWorkAsEachWorkerIsReady() throws Exception {
        FakeLauncher launcher = new FakeLauncher();
        RunHandle run = launcher.run(tasks(pool(2, Mode.IMAP).startPolicy(StartPolicy.ASAP), 2).build());
        FakeWorker a = launcher.next();
        FakeWorker b = launcher.next();
        a.hello();
        a.run(a.next()); // no waiting for b
        a.run(a.next());
        RunResult r = FakeLauncher.finish(run);
        assertTrue(r.all(RunEvent.PoolReleased.class).isEmpty());
        assertEquals(ExitClassifier.NOT_NEEDED, r.all(RunEvent.WorkerExited.class).stream()
                .filter(e -> e.pid() == b.pid()).findFirst().orElseThrow().detail());
    }

    @Test
    void whenOneWorkerNeverGetsReadyTheCapLetsTheOthersStart() throws Exception {
        FakeLauncher launcher = new FakeLauncher();
        RunHandle run = launcher.run(tasks(pool(2, Mode.IMAP).togetherCapMs(300), 2).build());
        FakeWorker a = launcher.next();
        launcher.next(); // never says hello
        a.hello();
        a.run(a.next());
        a.run(a.next());
        RunResult r = FakeLauncher.finish(run);
        assertEquals(1, r.all(RunEvent.PoolReleased.class).get(0).ready());
    }

    @Test
    void aSlotThatGivesUpIsNotWaitedFor() throws Exception {
        FakeLauncher launcher = new FakeLauncher();
        launcher.then(Outcome.START);
        for (int i = 0; i < Slots.MAX_STARTUP_FAILURES; i++) {
            launcher.then(Outcome.FAIL);
        }
        RunHandle run = launcher.run(tasks(pool(2, Mode.IMAP), 2).build());
        FakeWorker a = launcher.next();
        a.hello();
        a.run(a.next()); // well before the 10 s cap
        a.run(a.next());
        RunResult r = FakeLauncher.finish(run);
        assertEquals(1, r.all(RunEvent.PoolReleased.class).get(0).ready());
        assertEquals(TaskStatus.OK, r.finished(1).status());
    }

    /**
     * With real worker JVMs (which become ready tens to hundreds of ms apart): the first chunks go
     * out only once all four are ready, and no lane starts a task before that. How close together
     * the first tasks then start is a matter of speed, measured by {@code bench-start}, not here.
     */
    @Test
    void realWorkersStartTheirFirstTasksTogether() throws Exception {
        RunResult r = RunResult.run(tasks(pool(4, Mode.MAP), 4).build());
        RunEvent.PoolReleased released = r.all(RunEvent.PoolReleased.class).get(0);
        assertEquals(4, released.ready(), "all four workers were ready when the first chunks went out");
        Map<Integer, Long> ready = r.all(RunEvent.WorkerStateChanged.class).stream()
                .filter(e -> e.state() == WorkerState.IDLE)
                .collect(Collectors.toMap(RunEvent.WorkerStateChanged::slot, RunEvent::at, Math::min));
        assertEquals(4, ready.size(), "each worker said it was ready");
        assertTrue(ready.values().stream().allMatch(at -> at <= released.at()), ready + " vs " + released);
        Map<Integer, Long> firstStart = r.all(RunEvent.TaskStarted.class).stream()
                .collect(Collectors.toMap(RunEvent.TaskStarted::slot, RunEvent::at, Math::min));
        assertEquals(4, firstStart.size(), "each of the four lanes ran a task");
        // Workers stamp their own starts on the engine's clock: none before the pool was released.
        assertTrue(firstStart.values().stream().allMatch(at -> at >= released.at()), firstStart + " vs " + released);
    }
}

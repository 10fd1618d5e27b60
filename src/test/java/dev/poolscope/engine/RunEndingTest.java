package dev.poolscope.engine;

import static dev.poolscope.engine.RunResult.pool;
import static dev.poolscope.engine.RunResult.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.engine.FakeLauncher.Outcome;
import org.junit.jupiter.api.Test;

/**
 * How a run ends when workers are still starting, or starts fail, as it finishes or stops
 * (issue 7, defects 1, 2 and 5). Driven step by step through fake workers.
 */
class RunEndingTest {
    private static RunEvent.WorkerExited exitOf(RunResult r, long pid) {
        return r.all(RunEvent.WorkerExited.class).stream().filter(e -> e.pid() == pid).findFirst().orElseThrow();
    }

    private static void awaitExit(RunHandle run, FakeWorker w) throws InterruptedException {
        RunResult.waitFor(run, RunEvent.WorkerExited.class, e -> e.pid() == w.pid(), java.time.Duration.ofSeconds(5));
    }

    @Test
    void aWorkerStillStartingWhenTheWorkIsDoneIsStoppedQuietlyNotCrashed() throws Exception {
        FakeLauncher launcher = new FakeLauncher();
        RunHandle run = launcher.run(pool(2, Mode.MAP).startPolicy(StartPolicy.ASAP).task(sleep("only", 0)).build());
        FakeWorker quick = launcher.next();
        FakeWorker booting = launcher.next();
        booting.obeysQuit = false; // a JVM still booting reads nothing from its stdin
        quick.hello();
        quick.run(quick.next());
        RunResult r = FakeLauncher.finish(run);

        RunEvent.WorkerExited exit = exitOf(r, booting.pid());
        assertEquals(ExitKind.TERMINATED, exit.kind(), exit.detail());
        assertEquals(ExitClassifier.NOT_NEEDED, exit.detail());
        assertEquals(ExitKind.NORMAL, exitOf(r, quick.pid()).kind());
        assertTrue(r.all(RunEvent.WorkerStateChanged.class).stream().noneMatch(s -> s.state() == WorkerState.CRASHED),
                "no lane is drawn as crashed");
    }

    @Test
    void aReadyWorkerThatDoesNotQuitWhenAskedIsTerminatedNotCrashed() throws Exception {
        FakeLauncher launcher = new FakeLauncher();
        RunHandle run = launcher.run(pool(1, Mode.MAP).task(sleep("only", 0)).build());
        FakeWorker stuck = launcher.next();
        stuck.obeysQuit = false;
        stuck.hello();
        stuck.run(stuck.next());
        RunResult r = FakeLauncher.finish(run);
        RunEvent.WorkerExited exit = exitOf(r, stuck.pid());
        assertEquals(ExitKind.TERMINATED, exit.kind(), exit.detail());
        assertTrue(exit.detail().contains("did not quit within"), exit.detail());
    }

    @Test
    void aStartThatFailsWhileTheRunStopsStillEndsTheRun() throws Exception {
        FakeLauncher launcher = new FakeLauncher();
        launcher.then(Outcome.START);
        FakeLauncher.Step second = launcher.held(Outcome.FAIL);
        RunHandle run = launcher.run(pool(2, Mode.MAP).startPolicy(StartPolicy.ASAP).task(sleep("a", 0)).task(sleep("b", 0)).build());
        FakeWorker first = launcher.next();
        first.hello();
        second.awaitEntered();
        run.stop();
        awaitExit(run, first); // every started worker is gone; only the start in flight is left
        second.release();
        RunResult r = FakeLauncher.finish(run);
        assertTrue(r.all(RunEvent.RunFinished.class).get(0).stopped());
    }

    @Test
    void aRetiringWorkersSuccessorThatFailsToStartAfterFinishingBeganStillEndsTheRun() throws Exception {
        FakeLauncher launcher = new FakeLauncher();
        launcher.then(Outcome.START);
        launcher.then(Outcome.START);
        FakeLauncher.Step successor = launcher.held(Outcome.FAIL);
        RunConfig.Builder b = pool(2, Mode.IMAP).startPolicy(StartPolicy.ASAP).chunksize(1).maxTasksPerChild(2);
        for (int i = 0; i < 4; i++) {
            b.task(sleep("t" + i, 0));
        }
        RunHandle run = launcher.run(b.build());
        FakeWorker a = launcher.next();
        FakeWorker c = launcher.next();
        a.hello();
        FakeWorker.Received first = a.next();
        c.hello();
        FakeWorker.Received second = c.next();
        a.run(first);
        a.run(a.next());
        assertFalse(a.next().isChunk(), "a retires after two chunks");
        successor.awaitEntered(); // its successor is starting, for the task still queued
        c.run(second);
        c.run(c.next()); // c takes that task; every task is done: finishing begins
        awaitExit(run, c);
        successor.release();
        RunResult r = FakeLauncher.finish(run);
        assertEquals(4, r.all(RunEvent.TaskFinished.class).stream().filter(f -> f.status() == TaskStatus.OK).count());
    }

    @Test
    void aStartThatSucceedsAfterFinishingBeganIsStoppedQuietly() throws Exception {
        FakeLauncher launcher = new FakeLauncher();
        launcher.then(Outcome.START);
        FakeLauncher.Step late = launcher.held(Outcome.START);
        RunHandle run = launcher.run(pool(2, Mode.MAP).startPolicy(StartPolicy.ASAP).task(sleep("only", 0)).build());
        FakeWorker a = launcher.next();
        a.hello();
        a.run(a.next());
        late.awaitEntered();
        late.release();
        FakeWorker b = launcher.next();
        RunResult r = FakeLauncher.finish(run);
        assertEquals(ExitClassifier.NOT_NEEDED, exitOf(r, b.pid()).detail());
    }

    @Test
    void stopDuringStartUpStartsNoFurtherProcess() throws Exception {
        FakeLauncher launcher = new FakeLauncher();
        FakeLauncher.Step first = launcher.held(Outcome.START);
        RunHandle run = launcher.run(pool(4, Mode.MAP).task(sleep("a", 0)).build());
        first.awaitEntered();
        run.stop();
        first.release();
        FakeWorker only = launcher.next();
        RunResult r = FakeLauncher.finish(run);
        assertEquals(1, launcher.calls.get(), "the three queued starts were dropped, not started and killed");
        assertEquals(ExitClassifier.STOPPED, exitOf(r, only.pid()).detail());
        assertEquals(TaskStatus.CANCELLED, r.finished(0).status());
    }
}

package dev.poolscope.engine;

import static dev.poolscope.engine.RunResult.pool;
import static dev.poolscope.engine.RunResult.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Signals, hung tasks and workers that never get going: every run still ends and every task gets a status. */
class RobustnessTest {
    private static final long FOREVER = 3_600_000;

    static void signal(String sig, long pid) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + sig, Long.toString(pid)).start().waitFor(), "kill -" + sig);
    }

    @Test
    void aTaskPastItsTimeLimitIsKilledMarkedTimeoutAndItsWorkerReplaced() throws Exception {
        RunResult r = RunResult.run(pool(1, Mode.MAP).chunksize(1)
                .task(sleep("hangs", FOREVER).withTimeoutMs(300L)).task(TaskSpec.ofN("next", TaskKind.SQUARE, 5, 0)).build());
        assertEquals(TaskStatus.TIMEOUT, r.finished(0).status());
        assertTrue(r.finished(0).error().contains("timed out after 300 ms"), r.finished(0).error());
        assertEquals("25", r.finished(1).result());
        assertNotEquals(r.started(0).pid(), r.started(1).pid());
        long ranMs = (r.finished(0).at() - r.started(0).at()) / 1_000_000;
        assertTrue(ranMs >= 290 && ranMs < 5000, "killed near its limit, after " + ranMs + " ms");
        long victim = r.started(0).pid();
        RunEvent.WorkerExited exit = r.all(RunEvent.WorkerExited.class).stream().filter(e -> e.pid() == victim)
                .findFirst().orElseThrow();
        assertEquals(ExitKind.TERMINATED, exit.kind(), "PoolScope ended it; it did not crash");
        assertTrue(exit.detail().contains("ran past its time limit of 300 ms"), exit.detail());
        assertTrue(r.events.indexOf(r.finished(0)) < r.events.indexOf(exit), "the task's timeout comes before the exit");
    }

    @Test
    void whenTheLastTaskKillsItsWorkerTheExitIsReportedBeforeTheRunEnds() throws Exception {
        RunResult crash = RunResult.run(pool(1, Mode.MAP).task(TaskSpec.of("boom", TaskKind.CRASH, 0)).build());
        assertEquals(1, crash.all(RunEvent.WorkerExited.class).size(), "the listener hears of the crash");
        RunResult timeout = RunResult.run(pool(1, Mode.MAP).task(sleep("hangs", FOREVER).withTimeoutMs(200L)).build());
        assertEquals(ExitKind.TERMINATED, timeout.all(RunEvent.WorkerExited.class).get(0).kind());
    }

    @Test
    void aRunWideTimeLimitAppliesToEveryTask() throws Exception {
        RunResult r = RunResult.run(pool(2, Mode.MAP).chunksize(1).timeoutMs(250L)
                .task(TaskSpec.of("spins", TaskKind.SPIN, FOREVER)).task(sleep("quick", 10)).build());
        assertEquals(TaskStatus.TIMEOUT, r.finished(0).status());
        assertEquals(TaskStatus.OK, r.finished(1).status());
    }

    /**
     * A SIGSTOPped worker cannot answer, so a stop that waited on it (asked it to quit, or
     * wrote to its pipe under the run's lock) would wait until some timer ran out, or forever.
     * Stop kills instead: the exit says the run was stopped, not that a quit grace period ran
     * out. The bound is far above a kill's cost and far below "forever" on a loaded machine.
     */
    @Test
    void aStoppedWorkerCannotHoldUpStop() throws Exception {
        RunHandle run = new PoolService().start(pool(2, Mode.MAP).chunksize(1).task(sleep("a", FOREVER))
                .task(sleep("b", FOREVER)).build(), RunListener.NONE);
        RunEvent.TaskStarted s = RunResult.waitFor(run, RunEvent.TaskStarted.class, e -> e.index() == 0, Duration.ofSeconds(30));
        signal("STOP", s.pid());
        run.stop();
        assertTrue(run.awaitDone(Duration.ofSeconds(15)), "stop ends the run though a worker cannot answer");
        RunResult.assertNoneAlive(run.pids());
        RunEvent.WorkerExited exit = RunResult.of(run).all(RunEvent.WorkerExited.class).stream()
                .filter(e -> e.pid() == s.pid()).findFirst().orElseThrow();
        assertEquals(ExitKind.TERMINATED, exit.kind());
        assertEquals(ExitClassifier.STOPPED, exit.detail(), "killed by the stop itself");
    }

    @Test
    void aStoppedBusyWorkerIsTimedOutAndTheRunEnds() throws Exception {
        RunHandle run = new PoolService().start(pool(2, Mode.MAP).chunksize(1).timeoutMs(1500L)
                .task(sleep("frozen", 1000)).task(sleep("fine", 50)).build(), RunListener.NONE);
        RunEvent.TaskStarted s = RunResult.waitFor(run, RunEvent.TaskStarted.class, e -> e.index() == 0, Duration.ofSeconds(10));
        signal("STOP", s.pid());
        RunResult r = RunResult.finish(run);
        assertEquals(TaskStatus.TIMEOUT, r.finished(0).status());
        assertEquals(TaskStatus.OK, r.finished(1).status());
    }

    @Test
    void killingEveryWorkerAtOnceLosesNothing() throws Exception {
        RunConfig.Builder b = pool(3, Mode.IMAP).chunksize(2);
        for (int i = 0; i < 12; i++) {
            b.task(sleep("t" + i, 150));
        }
        RunHandle run = new PoolService().start(b.build(), RunListener.NONE);
        RunResult.waitFor(run, RunEvent.TaskStarted.class, e -> true, Duration.ofSeconds(10));
        Thread.sleep(50);
        List<Long> first = run.pids();
        for (long pid : first) {
            signal("KILL", pid);
        }
        RunResult r = RunResult.finish(run);
        assertEquals(12, r.all(RunEvent.TaskFinished.class).size(), "every task has a final status");
        long crashed = r.all(RunEvent.TaskFinished.class).stream().filter(f -> f.status() == TaskStatus.CRASHED).count();
        assertTrue(crashed >= 1 && crashed <= 3, "only the running tasks crash, got " + crashed);
        long ok = r.all(RunEvent.TaskFinished.class).stream().filter(f -> f.status() == TaskStatus.OK).count();
        assertEquals(12 - crashed, ok, "the rest of each lost chunk went back to the queue and ran");
        assertTrue(r.handle.pids().size() > first.size(), "replacements were started");
        assertEquals(12, r.deliveryOrder().size());
    }

    @Test
    void workersThatAlwaysDieAtStartUpEndTheRunWithAClearReason() throws Exception {
        RunResult r = RunResult.run(pool(2, Mode.MAP).chunksize(1)
                .initializer(TaskSpec.of("broken-init", TaskKind.CRASH, 0).withExitCode(4))
                .task(sleep("a", 10)).task(sleep("b", 10)).build());
        for (int i = 0; i < 2; i++) {
            assertEquals(TaskStatus.CRASHED, r.finished(i).status());
            assertTrue(r.finished(i).error().contains("no worker could start"), r.finished(i).error());
        }
        assertEquals(2 * Slots.MAX_STARTUP_FAILURES, r.all(RunEvent.WorkerSpawned.class).size(), "each slot tried three times");
        assertTrue(r.all(RunEvent.WorkerExited.class).stream().allMatch(e -> e.detail().contains("during start-up")));
    }

    @Test
    void aWorkerKilledWhileStartingIsReplaced() throws Exception {
        AtomicBoolean killed = new AtomicBoolean();
        RunListener killFirst = e -> {
            if (e instanceof RunEvent.WorkerSpawned s && s.slot() == 0 && s.generation() == 0 && killed.compareAndSet(false, true)) {
                ProcessHandle.of(s.pid()).ifPresent(ProcessHandle::destroyForcibly);
            }
        };
        RunHandle run = new PoolService().start(pool(1, Mode.MAP).task(TaskSpec.ofN("sq", TaskKind.SQUARE, 6, 0)).build(), killFirst);
        RunResult r = RunResult.finish(run);
        assertTrue(killed.get());
        assertEquals("36", r.finished(0).result());
        assertEquals(2, r.pidsOfSlot(0).size());
    }
}

package dev.poolscope.engine;

import static dev.poolscope.engine.RunResult.pool;
import static dev.poolscope.engine.RunResult.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Workers dying under the engine, and stopping runs: nothing hangs and nothing is left behind. */
class FaultsTest {
    private static void signal(String sig, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + sig, Long.toString(pid)).start();
        assertEquals(0, kill.waitFor(), "kill -" + sig + " " + pid);
    }

    @Test
    void aWorkerSigkilledMidTaskIsReplacedAndTheRunEnds() throws Exception {
        RunHandle run = new PoolService().start(pool(2, Mode.MAP).chunksize(1)
                .task(sleep("victim", 5000)).task(sleep("b", 100)).task(sleep("c", 100)).task(sleep("d", 100))
                .task(sleep("e", 100)).build(), RunListener.NONE);
        RunEvent.TaskStarted victim = RunResult.waitFor(run, RunEvent.TaskStarted.class, s -> s.index() == 0,
                Duration.ofSeconds(10));
        signal("KILL", victim.pid());
        RunResult r = RunResult.finish(run);

        RunEvent.TaskFinished f = r.finished(0);
        assertEquals(TaskStatus.CRASHED, f.status());
        assertTrue(f.error().contains("signal 9 (SIGKILL)"), f.error());
        RunEvent.WorkerExited exit = r.all(RunEvent.WorkerExited.class).stream()
                .filter(e -> e.pid() == victim.pid()).findFirst().orElseThrow();
        assertEquals(ExitKind.CRASHED, exit.kind());
        assertEquals(9, exit.signal());
        List<Long> slotPids = r.pidsOfSlot(victim.slot());
        assertEquals(2, slotPids.size(), "a replacement started in the victim's slot");
        assertNotEquals(victim.pid(), slotPids.get(1));
        for (int i = 1; i < 5; i++) {
            assertEquals(TaskStatus.OK, r.finished(i).status());
        }
        assertEquals(List.of(0, 1, 2, 3, 4), r.deliveryOrder(), "map still delivers every result, in order");
    }

    @Test
    void killWorkerFromTheHandleCrashesItsTask() throws Exception {
        RunHandle run = new PoolService().start(pool(1, Mode.IMAP).task(sleep("long", 5000)).task(sleep("next", 10)).build(),
                RunListener.NONE);
        RunEvent.TaskStarted started = RunResult.waitFor(run, RunEvent.TaskStarted.class, s -> s.index() == 0, Duration.ofSeconds(10));
        assertTrue(run.killWorker(0, started.pid()));
        RunResult r = RunResult.finish(run);
        assertEquals(TaskStatus.CRASHED, r.finished(0).status());
        assertEquals(TaskStatus.OK, r.finished(1).status());
        assertEquals(2, r.pidsOfSlot(0).size());
    }

    /**
     * Spinning workers read nothing from their pipes, so only a kill ends them before their
     * ten-minute spins do: each exit must say the stop did it. The 15 s bound is only "not
     * waiting for the spins", generous for a loaded machine.
     */
    @Test
    void stopEndsEveryWorkerEvenWhileSpinning() throws Exception {
        RunHandle run = new PoolService().start(pool(2, Mode.MAP).chunksize(1)
                .task(TaskSpec.of("spin1", TaskKind.SPIN, 600_000)).task(TaskSpec.of("spin2", TaskKind.SPIN, 600_000))
                .task(sleep("queued", 10)).build(), RunListener.NONE);
        RunResult.waitFor(run, RunEvent.TaskStarted.class, s -> s.index() == 1, Duration.ofSeconds(30));
        run.stop();
        assertTrue(run.awaitDone(Duration.ofSeconds(15)), "the run ends on stop, not when the spins would");
        RunResult.assertNoneAlive(run.pids());
        RunResult r = RunResult.of(run);
        for (int i = 0; i < 3; i++) {
            assertEquals(TaskStatus.CANCELLED, r.finished(i).status());
        }
        assertTrue(r.all(RunEvent.WorkerExited.class).stream()
                .allMatch(e -> e.kind() == ExitKind.TERMINATED && e.detail().equals(ExitClassifier.STOPPED)));
        assertTrue(r.all(RunEvent.RunFinished.class).get(0).stopped());
    }

    @Test
    void aWorkerSigtermedWhileIdleIsReplaced() throws Exception {
        RunHandle run = new PoolService().start(pool(2, Mode.IMAP).chunksize(1)
                .task(sleep("long", 1500)).task(sleep("short", 10)).task(sleep("later", 10)).build(), RunListener.NONE);
        RunEvent.TaskFinished shortDone = RunResult.waitFor(run, RunEvent.TaskFinished.class, f -> f.index() == 2,
                Duration.ofSeconds(10));
        signal("TERM", shortDone.pid());
        RunResult r = RunResult.finish(run);
        RunEvent.WorkerExited exit = r.all(RunEvent.WorkerExited.class).stream()
                .filter(e -> e.pid() == shortDone.pid()).findFirst().orElseThrow();
        assertEquals(ExitKind.CRASHED, exit.kind());
        assertEquals(15, exit.signal());
        assertEquals(TaskStatus.OK, r.finished(0).status());
    }
}

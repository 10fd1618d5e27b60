package dev.poolscope.engine;

import static dev.poolscope.engine.RunResult.pool;
import static dev.poolscope.engine.RunResult.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.engine.FakeLauncher.Outcome;
import org.junit.jupiter.api.Test;

/**
 * The rare paths of a terminal's Ctrl+C during start-up (issue 19, defect 1), step by step on
 * fake workers: a worker that the SIGINT killed before it could ignore it, and a start whose
 * JDK spawn helper it killed, are ended by the user's stop (terminated), not crashed.
 */
class CtrlCDuringStartTest {
    @Test
    void aWorkerKilledBySigintBeforeItWasReadyIsTerminatedByTheStopNotCrashed() throws Exception {
        FakeLauncher launcher = new FakeLauncher();
        RunHandle run = launcher.run(pool(2, Mode.MAP).task(sleep("a", 0)).task(sleep("b", 0)).build());
        FakeWorker reached = launcher.next();
        FakeWorker other = launcher.next();
        other.hello();
        reached.exit(128 + 2);
        RunResult.waitFor(run, RunEvent.WorkerExited.class, e -> e.pid() == reached.pid(), java.time.Duration.ofSeconds(5));
        run.stop(); // the same Ctrl+C, as PoolScope's handler sees it a moment later
        RunResult r = FakeLauncher.finish(run);

        RunEvent.WorkerExited exit = r.all(RunEvent.WorkerExited.class).stream().filter(e -> e.pid() == reached.pid())
                .findFirst().orElseThrow();
        assertEquals(ExitKind.TERMINATED, exit.kind(), exit.detail());
        assertEquals(ExitClassifier.CTRL_C, exit.detail());
        assertTrue(r.all(RunEvent.WorkerStateChanged.class).stream().noneMatch(s -> s.state() == WorkerState.CRASHED),
                "no lane is drawn as crashed");
    }

    @Test
    void aStartWhoseSpawnHelperTheCtrlCKilledIsTerminatedNotCrashed() throws Exception {
        FakeLauncher launcher = new FakeLauncher();
        launcher.then(Outcome.START);
        launcher.then(Outcome.SPAWN_HELPER_INTERRUPTED);
        RunHandle run = launcher.run(pool(2, Mode.MAP).task(sleep("a", 0)).task(sleep("b", 0)).build());
        FakeWorker first = launcher.next();
        first.hello();
        RunResult.waitFor(run, RunEvent.WorkerExited.class, e -> e.pid() == -1, java.time.Duration.ofSeconds(5));
        run.stop();
        RunResult r = FakeLauncher.finish(run);

        RunEvent.WorkerExited failed = r.all(RunEvent.WorkerExited.class).stream().filter(e -> e.pid() == -1)
                .findFirst().orElseThrow();
        assertEquals(ExitKind.TERMINATED, failed.kind(), failed.detail());
        assertEquals(ExitClassifier.CTRL_C, failed.detail());
        assertTrue(r.all(RunEvent.WorkerExited.class).stream().noneMatch(e -> e.kind() == ExitKind.CRASHED),
                r.all(RunEvent.WorkerExited.class).toString());
    }
}

package dev.poolscope.engine;

import static dev.poolscope.engine.RunResult.pool;
import static dev.poolscope.engine.RunResult.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SIGKILL, SIGTERM and SIGSTOP sent from outside to a busy or an idle worker. Whatever the
 * signal, the run ends, every task gets a final status, and no process is left. A stopped
 * worker cannot answer, so the run's time limit is what frees its task.
 */
class SignalMatrixTest {
    @ParameterizedTest(name = "SIG{0} on a {1} worker")
    @CsvSource({"KILL, busy", "KILL, idle", "TERM, busy", "TERM, idle", "STOP, busy", "STOP, idle"})
    void theRunEndsAndEveryTaskHasAFinalStatus(String signal, String target) throws Exception {
        // Slot of "long" is busy for 1.2 s; the other worker finishes "quick" and waits idle for "late".
        RunHandle run = new PoolService().start(pool(2, Mode.IMAP).chunksize(1).timeoutMs(2500L)
                .task(sleep("long", 1200)).task(sleep("quick", 10)).task(sleep("late", 10)).build(), RunListener.NONE);
        long victim;
        if (target.equals("busy")) {
            victim = RunResult.waitFor(run, RunEvent.TaskStarted.class, s -> s.index() == 0, Duration.ofSeconds(10)).pid();
        } else {
            RunEvent.TaskFinished quick = RunResult.waitFor(run, RunEvent.TaskFinished.class,
                    f -> f.index() == 2 || f.index() == 1, Duration.ofSeconds(10));
            victim = quick.pid();
            Thread.sleep(20);
        }
        RobustnessTest.signal(signal, victim);
        RunResult r = RunResult.finish(run);

        List<RunEvent.TaskFinished> finished = r.all(RunEvent.TaskFinished.class);
        assertEquals(3, finished.size(), "every task reached a final status");
        assertEquals(3, r.deliveryOrder().size());
        for (RunEvent.TaskFinished f : finished) {
            if (f.pid() != victim) {
                assertEquals(TaskStatus.OK, f.status(), "task " + f.index() + " was not on the victim");
            }
        }
        boolean died = !signal.equals("STOP") || target.equals("busy");
        RunEvent.WorkerExited exit = r.all(RunEvent.WorkerExited.class).stream().filter(e -> e.pid() == victim)
                .findFirst().orElseThrow();
        if (target.equals("busy")) {
            TaskStatus expected = signal.equals("STOP") ? TaskStatus.TIMEOUT : TaskStatus.CRASHED;
            assertEquals(expected, r.finished(0).status());
        }
        if (died && !signal.equals("STOP")) {
            assertEquals(ExitKind.CRASHED, exit.kind());
            assertEquals(signal.equals("KILL") ? 9 : 15, exit.signal());
        }
        assertTrue(r.all(RunEvent.RunFinished.class).size() == 1);
    }
}

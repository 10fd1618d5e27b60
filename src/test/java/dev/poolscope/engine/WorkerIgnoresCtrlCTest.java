package dev.poolscope.engine;

import static dev.poolscope.engine.RunResult.pool;
import static dev.poolscope.engine.RunResult.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Ctrl+C in a terminal sends SIGINT to every process in the foreground group, workers included.
 * The engine stops the run itself (exit 130, tasks cancelled), so a worker must not die of the
 * SIGINT first and turn its task into a crash.
 */
class WorkerIgnoresCtrlCTest {
    @Test
    void aBusyWorkerSurvivesSigintAndItsTaskEndsOk() throws Exception {
        RunHandle run = new PoolService().start(pool(1, Mode.MAP).task(sleep("nap", 600)).build(), RunListener.NONE);
        long pid = RunResult.waitFor(run, RunEvent.TaskStarted.class, s -> s.index() == 0, Duration.ofSeconds(30)).pid();
        RobustnessTest.signal("INT", pid);
        RunResult r = RunResult.finish(run);
        assertEquals(TaskStatus.OK, r.finished(0).status(), "the task outlived the SIGINT: " + r.finished(0));
        assertTrue(r.all(RunEvent.WorkerExited.class).stream().allMatch(e -> e.kind() == ExitKind.NORMAL),
                "the worker quit when asked, not of the signal: " + r.all(RunEvent.WorkerExited.class));
    }
}

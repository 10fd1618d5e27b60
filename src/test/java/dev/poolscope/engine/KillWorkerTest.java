package dev.poolscope.engine;

import static dev.poolscope.engine.RunResult.pool;
import static dev.poolscope.engine.RunResult.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** "Kill worker" kills the process the user saw, never its replacement (issue 7, defect 4). */
class KillWorkerTest {
    @Test
    void killWorkerKillsOnlyThePidTheUserSaw() throws Exception {
        FakeLauncher launcher = new FakeLauncher();
        RunHandle run = launcher.run(pool(1, Mode.IMAP).task(sleep("a", 0)).task(sleep("b", 0)).build());
        FakeWorker first = launcher.next();
        first.hello();
        first.started(first.next().indexes().get(0));
        first.exit(137); // crashes on its own; a replacement takes the slot
        FakeWorker replacement = launcher.next();
        replacement.hello();
        FakeWorker.Received chunk = replacement.next();

        assertFalse(run.killWorker(0, first.pid()), "the PID the menu showed is gone: nothing to kill");
        assertFalse(replacement.awaitExit(200), "the replacement was not killed in its place");
        assertTrue(run.killWorker(0, replacement.pid()));
        assertTrue(replacement.awaitExit(5000));
        FakeWorker third = launcher.next();
        third.hello();
        third.run(third.next());
        RunResult r = FakeLauncher.finish(run);
        assertEquals(TaskStatus.CRASHED, r.finished(0).status());
        assertEquals(1, chunk.indexes().get(0));
        assertEquals(TaskStatus.OK, r.finished(1).status(), "task b, not started when its worker was killed, ran again");
        assertEquals(third.pid(), r.finished(1).pid());
    }
}

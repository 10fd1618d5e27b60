package dev.poolscope.engine;

import static dev.poolscope.engine.RunResult.pool;
import static dev.poolscope.engine.RunResult.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.engine.FakeLauncher.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Work put back after a crash reaches a worker that is already idle (issue 7, defect 3). */
class StrandedWorkTest {
    @Test
    void workPutBackAfterACrashGoesToAnIdleWorkerEvenIfNoReplacementEverStarts() throws Exception {
        FakeLauncher launcher = new FakeLauncher();
        launcher.then(Outcome.START);
        launcher.then(Outcome.START);
        for (int i = 0; i < Slots.MAX_STARTUP_FAILURES; i++) {
            launcher.then(Outcome.FAIL); // the crashed slot's replacements never start
        }
        RunConfig.Builder b = pool(2, Mode.IMAP).startPolicy(StartPolicy.ASAP).chunksize(2);
        for (int i = 0; i < 4; i++) {
            b.task(sleep("t" + i, 0));
        }
        RunHandle run = launcher.run(b.build());
        FakeWorker a = launcher.next();
        FakeWorker idle = launcher.next();
        a.hello();
        FakeWorker.Received held = a.next();
        idle.hello();
        idle.run(idle.next()); // tasks 2 and 3; the queue is empty now and this worker idles
        a.started(held.indexes().get(0));
        a.exit(137); // dies in task 0; task 1 never started and goes back to the queue

        FakeWorker.Received putBack = idle.next();
        assertEquals(List.of(1), putBack.indexes(), "the idle survivor takes the put-back task");
        idle.run(putBack);
        RunResult r = FakeLauncher.finish(run);
        assertEquals(TaskStatus.CRASHED, r.finished(0).status());
        for (int i = 1; i < 4; i++) {
            assertEquals(TaskStatus.OK, r.finished(i).status(), "task " + i);
        }
        assertTrue(r.all(RunEvent.TaskStarted.class).stream().filter(s -> s.index() == 1)
                .allMatch(s -> s.pid() == idle.pid()));
    }
}

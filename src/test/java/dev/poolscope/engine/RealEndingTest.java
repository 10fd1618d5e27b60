package dev.poolscope.engine;

import static dev.poolscope.engine.RunResult.pool;
import static dev.poolscope.engine.RunResult.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Issue 7, defect 1 with real JVMs: a pool far bigger than its work ends cleanly. ASAP, so that
 * the work is done while most workers are still starting.
 */
class RealEndingTest {
    @Test
    void aBigPoolWithLittleWorkReportsNoCrashes() throws Exception {
        RunConfig.Builder b = pool(12, Mode.MAP).startPolicy(StartPolicy.ASAP);
        for (int i = 0; i < 4; i++) {
            b.task(sleep("s" + i, 0));
        }
        RunResult r = RunResult.run(b.build());
        assertEquals(4, r.all(RunEvent.TaskFinished.class).stream().filter(f -> f.status() == TaskStatus.OK).count());
        for (RunEvent.WorkerExited e : r.all(RunEvent.WorkerExited.class)) {
            assertTrue(e.kind() == ExitKind.NORMAL
                    || (e.kind() == ExitKind.TERMINATED && e.detail().equals(ExitClassifier.NOT_NEEDED)), e.toString());
        }
        assertTrue(r.all(RunEvent.WorkerStateChanged.class).stream().noneMatch(s -> s.state() == WorkerState.CRASHED));
    }
}

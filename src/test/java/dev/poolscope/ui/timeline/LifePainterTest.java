package dev.poolscope.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolscope.engine.ExitKind;
import dev.poolscope.engine.Lane;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.TaskStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A process's whole life on its lane: from start() to its exit, with how it ended and how long its target ran. */
class LifePainterTest {
    @Test
    void aChildsLifeIsKeptFromStartToExitWithItsCodeAndItsTargetsTrueDuration() {
        TimelineModel run = new TimelineModel(List.of("worker1()"), 1, true);
        run.apply(new RunEvent.WorkerSpawned(10_000_000, 0, 4242, 0, Lane.PROCESS));
        run.apply(new RunEvent.TaskStarted(15_000_000, 0, 0, 4242, 0));
        run.apply(new RunEvent.TaskFinished(15_100_000, 0, 0, 4242, TaskStatus.OK, null, null));
        TimelineModel.Lane lane = run.lane(1);
        assertEquals(1, lane.lives().size());
        assertEquals(-1, lane.lives().get(0).exitAt(), "alive until its exit is known");
        run.apply(new RunEvent.WorkerExited(144_000_000, 0, 4242, ExitKind.NORMAL, 0, null, "exited normally"));
        TimelineModel.Life life = lane.lives().get(0);
        assertEquals(10_000_000, life.startAt());
        assertEquals(144_000_000, life.exitAt());
        assertEquals("exit 0 \u00b7 lived 134 ms, ran 0.1 ms", LifeWords.of(run, lane, life));
    }

    @Test
    void aProcessKilledByASignalSaysTheSignal() {
        TimelineModel run = new TimelineModel(List.of("a", "b"), 1, false);
        run.apply(new RunEvent.WorkerSpawned(0, 0, 7, 0, Lane.PROCESS));
        run.apply(new RunEvent.WorkerExited(5_000_000, 0, 7, ExitKind.TERMINATED, null, 15, "SIGTERM"));
        TimelineModel.Lane lane = run.lane(0);
        assertEquals("signal 15 \u00b7 lived 5.0 ms", LifeWords.of(run, lane, lane.lives().get(0)));
    }

    @Test
    void aProcessEndedOnPurposeSaysWhoEndedItNotACrashSignal() {
        TimelineModel run = new TimelineModel(List.of("a", "b"), 1, false);
        run.apply(new RunEvent.WorkerSpawned(0, 0, 7, 0, Lane.PROCESS));
        run.apply(new RunEvent.WorkerSpawned(0, 1, 8, 0, Lane.PROCESS));
        run.apply(new RunEvent.WorkerExited(5_000_000, 0, 7, ExitKind.TERMINATED, null, 15,
                "terminated by multiprocessing at exit (a daemon process still running when the main program ended): SIGTERM"));
        run.apply(new RunEvent.WorkerExited(5_000_000, 1, 8, ExitKind.CRASHED, null, 15, "killed by signal 15 (SIGTERM)"));
        assertEquals("terminated by multiprocessing at exit (signal 15) \u00b7 lived 5.0 ms",
                LifeWords.of(run, run.lane(0), run.lane(0).lives().get(0)));
        assertEquals("signal 15 \u00b7 lived 5.0 ms", LifeWords.of(run, run.lane(1), run.lane(1).lives().get(0)),
                "a SIGTERM from elsewhere is still just the signal");
    }

    @Test
    void aMainProgramThatRaisedIsBadgedWithItsExitCodeNotCrashed() {
        TimelineModel raised = new TimelineModel(List.of("a"), 1, true);
        raised.apply(new RunEvent.ProgramStarted(0, 41, "p09.py", "python3"));
        raised.apply(new RunEvent.ProgramExited(5_000_000, 41, 1, null, "exited with code 1"));
        assertEquals("exit 1", raised.lane(0).failedEnd());
        TimelineModel killed = new TimelineModel(List.of("a"), 1, true);
        killed.apply(new RunEvent.ProgramStarted(0, 42, "p.py", "python3"));
        killed.apply(new RunEvent.ProgramExited(5_000_000, 42, null, 9, "killed by signal 9 (SIGKILL)"));
        assertEquals("signal 9", killed.lane(0).failedEnd());
        TimelineModel fine = new TimelineModel(List.of("a"), 1, true);
        fine.apply(new RunEvent.ProgramStarted(0, 43, "p.py", "python3"));
        fine.apply(new RunEvent.ProgramExited(5_000_000, 43, 0, null, "exited normally"));
        assertEquals(null, fine.lane(0).failedEnd());
    }
}

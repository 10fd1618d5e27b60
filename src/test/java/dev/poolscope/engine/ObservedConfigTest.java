package dev.poolscope.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A watched run's configuration (a Python program's): no placeholder task, no limits, never run by PoolService. */
class ObservedConfigTest {
    @Test
    void aWatchedRunMayHaveNoTaskYetOrMoreThanTheLimits() {
        RunConfig none = RunConfig.builder().mode(Mode.MAP).pool(1).chunksize(1).buildObserved();
        assertEquals(0, none.tasks().size(), "no placeholder task");
        assertTrue(none.observed());
        RunConfig.Builder many = RunConfig.builder().mode(Mode.PROCESS).pool(1);
        for (int i = 0; i <= Limits.MAX_TASKS; i++) {
            many.task(TaskSpec.of("t" + i, TaskKind.NOOP, 0));
        }
        assertFalse(many.problems().isEmpty(), "too many tasks to be run by PoolScope");
        assertEquals(Limits.MAX_TASKS + 1, many.buildObserved().tasks().size(), "but a program may have made them");
    }

    @Test
    void poolServiceRefusesToRunAWatchedRunsConfiguration() {
        RunConfig watched = RunConfig.builder().mode(Mode.MAP).pool(1).chunksize(1)
                .task(TaskSpec.of("A", TaskKind.NOOP, 0)).buildObserved();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PoolService().start(watched, RunListener.NONE));
        assertTrue(e.getMessage().contains("cannot be run"), e.getMessage());
    }
}

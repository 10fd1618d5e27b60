package dev.poolscope.cpython;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.trace.TaskRecord;

/**
 * The work-log lesson's schedule on Pool(2) (A 5 s, B 2 s, C 1 s, D 3 s of sleep), as it holds on a
 * loaded machine too: A runs beside B, while B, C and D follow each other on the other worker, so
 * the run takes at least their 6 s. How far past 6 s a busy machine pushes it is not the lesson.
 */
final class WorkLogSchedule {
    private WorkLogSchedule() {}

    static void check(TaskRecord a, TaskRecord b, TaskRecord c, TaskRecord d, double makespanMs) {
        String all = a + "\n" + b + "\n" + c + "\n" + d;
        assertTrue(a.startMs() < b.endMs() && b.startMs() < a.endMs(), "A runs beside B: " + all);
        assertTrue(c.startMs() >= b.endMs() && d.startMs() >= c.endMs(), "B, then C, then D on one worker: " + all);
        assertTrue(b.durationMs() >= 1990 && c.durationMs() >= 990 && d.durationMs() >= 2990 && a.durationMs() >= 4990,
                "each sleeps at least its time: " + all);
        assertTrue(makespanMs >= b.durationMs() + c.durationMs() + d.durationMs(), "makespan " + makespanMs + " ms: " + all);
    }
}

package dev.poolscope.trace;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.engine.TaskStatus;
import org.junit.jupiter.api.Test;

/**
 * A finished run is not waiting for anything (issue 19, defect 9): its report says what the
 * program never received and why, beside each task that failed or never ran, with no "yet".
 */
class FinishedRunWordsTest {
    @Test
    void aFinishedRunWhoseMapFailedSaysNothingWasDeliveredAndShowsTheErrorBesideItsTask() {
        Events e = new Events().spawn(0, 0, 101, 0).ready(1, 0, 101)
                .start(10, 0, 0, 101).ok(20, 0, 0, 101)
                .start(20, 1, 0, 101).finish(21, 1, 0, 101, TaskStatus.FAILED, null, "ZeroDivisionError: division by zero")
                .finish(30, 2, -1, -1, TaskStatus.CANCELLED, null, "never ran: B had failed (ZeroDivisionError: division by"
                        + " zero) and the Pool was terminated (the end of the with-block) before its turn")
                .done(40, false);
        String report = TextReport.render(TraceBuilder.of("failed map", Events.config(1, "A", "B", "C"), e.list));
        assertFalse(report.contains("yet"), report);
        assertTrue(report.contains("(none delivered to the program)"), report);
        assertTrue(report.contains("    1  B     failed     error: ZeroDivisionError: division by zero"), report);
        assertTrue(report.contains("    2  C     cancelled  never ran: B had failed"), report);
        assertTrue(report.contains("(1 task finished ok, but the program never received its result)"), report);
    }

    @Test
    void aFinishedRunInWhichNoTaskRanSaysSo() {
        Events e = new Events().spawn(0, 0, 101, 0).ready(1, 0, 101)
                .finish(5, 0, -1, -1, TaskStatus.CANCELLED, null, "never ran: the Pool could not send it to a worker"
                        + " (PicklingError: Can't pickle <function <lambda>>)")
                .done(10, false);
        String report = TextReport.render(TraceBuilder.of("lambda", Events.config(1, "A"), e.list));
        assertFalse(report.contains("yet"), report);
        assertTrue(report.contains("(no task ran)"), report);
        assertTrue(report.contains("    0  A     cancelled  never ran: the Pool could not send it to a worker (PicklingError"),
                report);
    }
}

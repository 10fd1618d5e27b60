package dev.poolscope.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.engine.RunEvent;
import dev.poolscope.engine.TaskStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextReportTest {
    /** Nothing a terminal would act on: no control character but the line ends, no bidirectional control. */
    private static void assertSafe(String report) {
        report.codePoints().forEach(c -> assertTrue(c == '\n' || !TerminalText.isUnsafe(c),
                "unsafe for a terminal: " + c + "\n" + report));
    }

    @Test
    void aRealRunShowsEveryTaskPidSectionAndTheCrash() throws Exception {
        RunTrace t = RealRuns.basic();
        String report = TextReport.render(t);
        assertSafe(report);
        for (String section : List.of("PoolScope run: basic", "mode map, pool 2, chunksize 1", "Timeline",
                "Results (delivery order)", "Output", "Statistics", "Worker exits (not normal)")) {
            assertTrue(report.contains(section), section + "\n" + report);
        }
        for (TaskRecord task : t.tasks()) {
            assertTrue(report.contains(task.name() + " ["), task.name() + "\n" + report);
        }
        for (WorkerRecord w : t.workers()) {
            assertTrue(report.contains(Long.toString(w.pid())), w.pid() + "\n" + report);
        }
        long cPid = t.tasks().get(2).pid();
        assertTrue(report.contains("[pid " + cPid + "] C: hello from " + cPid), report);
        assertTrue(report.contains("crashed, exit code 3"), report);
        assertTrue(report.contains("!"), "the crashed task is drawn with '!'\n" + report);
    }

    @Test
    void aRecycledSlotListsItsPidsInOrder() throws Exception {
        RunTrace t = RealRuns.recycled();
        String report = TextReport.render(t);
        assertSafe(report);
        WorkerRecord second = t.workers().stream().filter(w -> w.generation() == 1).findFirst().orElseThrow();
        WorkerRecord first = t.workers().stream().filter(w -> w.generation() == 0 && w.slot() == second.slot())
                .findFirst().orElseThrow();
        assertTrue(report.contains("pid " + first.pid() + " -> " + second.pid()), report);
        assertTrue(report.contains("recycled"), report);
    }

    @Test
    void theExampleReportsExactStatisticsAndAScaledChart() {
        String report = TextReport.render(Events.example());
        assertSafe(report);
        assertTrue(report.contains("A [50.0-150.0 ms]  C [150.0-250.0 ms crashed]"), report);
        assertTrue(report.contains("B [50.0-350.0 ms]"), report);
        assertTrue(report.contains("slot 0  |" + "A".repeat(20) + "!".repeat(20) + ".".repeat(20) + "|"), report);
        assertTrue(report.contains("slot 1  |" + "B".repeat(60) + "|"), report);
        assertTrue(report.contains("makespan         300.0 ms"), report);
        assertTrue(report.contains("concurrency          1.67   tasks running at once on average"), report);
        assertTrue(report.contains("speedup                 -   not measured"), report);
        assertFalse(report.contains("efficiency"), report);
        assertTrue(report.contains("slot 0 66.7 %, slot 1 100.0 %"), report);
        assertTrue(report.contains("    2  C     crashed    error: worker 101 exited with code 3"), report);
        assertTrue(report.contains("[pid 101] A: hello, \"world\""), report);
    }

    @Test
    void taskTextCannotSendEscapesToTheTerminal() {
        Events e = new Events().spawn(0, 0, 1, 0).start(1, 0, 0, 1)
                .print(2, 0, 0, 1, "\u001b[2Jcleared \u00e9")
                .finish(3, 0, 0, 1, TaskStatus.FAILED, null, "bad\r\nthing")
                .add(new RunEvent.ResultDelivered(Events.ns(3), 0, TaskStatus.FAILED, null, "bad"));
        String report = TextReport.render(TraceBuilder.of("esc\u0007", Events.config(1, "t\u00e4sk"), e.list));
        assertSafe(report);
        assertTrue(report.contains("?[2Jcleared \u00e9"), report);
        assertTrue(report.contains("t\u00e4sk"), report);
    }

    @Test
    void aSnapshotWithNothingStartedStillRenders() {
        TraceBuilder b = new TraceBuilder("idle", Events.config(3, "A", "B"));
        String report = TextReport.render(b.snapshot(0));
        assertTrue(report.contains("in progress"), report);
        assertTrue(report.contains("(no task has started yet)"), report);
        assertTrue(report.contains("(none delivered yet)"), report);
        assertEquals(3, report.lines().filter(l -> l.startsWith("  slot ")).count(), report);
    }
}

package dev.poolscope.engine;

import static dev.poolscope.engine.RunResult.pool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TaskKindsTest {
    private static double ms(RunResult r, int index) {
        return (r.finished(index).at() - r.started(index).at()) / 1e6;
    }

    @Test
    void everyKindDoesWhatItSays() throws Exception {
        RunConfig config = pool(1, Mode.IMAP).chunksize(1)
                .task(TaskSpec.of("nap", TaskKind.SLEEP, 120))
                .task(TaskSpec.of("burn", TaskKind.SPIN, 120))
                .task(TaskSpec.ofN("sq", TaskKind.SQUARE, 10, 0))
                .task(TaskSpec.ofN("cu", TaskKind.CUBE, 10, 50))
                .task(TaskSpec.ofN("dbl", TaskKind.DOUBLE, 21, 0))
                .task(TaskSpec.print("hello", "hi from {pid} as {name}").withTimes(3))
                .task(TaskSpec.of("oops", TaskKind.FAIL, 0).withText("bad input"))
                .task(TaskSpec.of("noop", TaskKind.NOOP, 0))
                .build();
        RunResult r = RunResult.run(config);
        assertTrue(ms(r, 0) >= 115 && ms(r, 0) < 2000, "sleep 120 ms took " + ms(r, 0));
        // 120 ms of CPU: at least 120 ms of wall time, more when the machine's cores are busy.
        assertTrue(ms(r, 1) >= 115 && ms(r, 1) < 20_000, "spin 120 ms took " + ms(r, 1));
        assertTrue(ms(r, 3) >= 45, "cube sleeps its ms first");
        assertEquals("100", r.finished(2).result());
        assertEquals("1000", r.finished(3).result());
        assertEquals("42", r.finished(4).result());
        long pid = r.started(5).pid();
        List<String> lines = r.all(RunEvent.OutputLine.class).stream().filter(o -> o.index() == 5)
                .map(RunEvent.OutputLine::text).toList();
        assertEquals(List.of("hi from " + pid + " as hello", "hi from " + pid + " as hello", "hi from " + pid + " as hello"), lines);
        assertEquals(TaskStatus.FAILED, r.finished(6).status());
        assertEquals("bad input", r.finished(6).error());
        assertEquals(TaskStatus.OK, r.finished(7).status());
        assertEquals(pid, r.started(7).pid(), "a failing task does not take its worker down");
        assertEquals(1, r.handle.pids().size());
    }

    @Test
    void aCrashTaskKillsItsWorkerWithItsExitCodeAndTheRunGoesOn() throws Exception {
        RunConfig config = pool(1, Mode.MAP).chunksize(1)
                .task(TaskSpec.of("boom", TaskKind.CRASH, 0).withExitCode(7))
                .task(TaskSpec.ofN("after", TaskKind.SQUARE, 3, 0))
                .build();
        RunResult r = RunResult.run(config);
        assertEquals(TaskStatus.CRASHED, r.finished(0).status());
        assertTrue(r.finished(0).error().contains("exited with code 7"), r.finished(0).error());
        RunEvent.WorkerExited exit = r.all(RunEvent.WorkerExited.class).get(0);
        assertEquals(ExitKind.CRASHED, exit.kind());
        assertEquals(7, exit.exitCode());
        assertEquals("9", r.finished(1).result());
        assertNotEquals(r.started(0).pid(), r.started(1).pid(), "a fresh worker took the slot");
        assertEquals(List.of(0, 1), r.deliveryOrder());
    }

    @Test
    void outputCannotCorruptTheControlChannel() throws Exception {
        // Bytes that look like frame headers, NULs, invalid surrogates and newlines inside a line.
        String nasty = "\u00b7E\u0000\u0000\u0000\u0001\uFFFF\u00b7S\r\n\tend " + "\u00b7".repeat(50);
        RunResult r = RunResult.run(pool(1, Mode.MAP).task(TaskSpec.print("nasty", nasty).withTimes(20))
                .task(TaskSpec.ofN("sq", TaskKind.SQUARE, 4, 0)).build());
        List<RunEvent.OutputLine> lines = r.all(RunEvent.OutputLine.class);
        assertEquals(20, lines.size());
        assertTrue(lines.stream().allMatch(o -> o.text().equals(nasty)), "every line arrives intact");
        assertEquals("16", r.finished(1).result());
        assertEquals(TaskStatus.OK, r.finished(0).status());
    }
}

package dev.poolscope.cpython;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.trace.RunTrace;
import dev.poolscope.trace.TaskRecord;
import dev.poolscope.trace.TextReport;
import dev.poolscope.trace.TraceJson;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed map() on a finished run (issue 19, defect 9): the report used to say "(none delivered
 * yet)" and "(no task has started yet)" about a run that was over, and the task's own error was
 * only in the main traceback. Now a finished run has no "yet", the failed task carries its
 * exception beside it (report and trace), and tasks that never ran say why. Real python3.
 */
class FailedMapWordsTest {
    @TempDir
    Path dir;

    private static TaskRecord task(RunTrace t, String name) {
        return t.tasks().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name));
    }

    private RunTrace runAndReadBack(Path program, CPythonRun[] out) throws Exception {
        CPythonRun run = PythonRuns.run(program, CPythonOptions.defaults(), Duration.ofSeconds(60));
        out[0] = run;
        Path file = dir.resolve(program.getFileName() + ".json");
        TraceJson.write(CPythonTrace.of(run), file);
        return TraceJson.read(file);
    }

    @Test
    void aMapWhoseItemRaisesShowsTheErrorBesideItsTaskAndNoYet() throws Exception {
        Path program = PythonRuns.program(dir, "mapfail.py", """
                from multiprocessing import Pool

                def f(n):
                    return 10 // n

                if __name__ == "__main__":
                    with Pool(2) as pool:
                        print(pool.map(f, [1, 2, 0, 4, 5, 6]))
                """);
        CPythonRun[] run = new CPythonRun[1];
        RunTrace trace = runAndReadBack(program, run);
        assertEquals(1, run[0].exitCode(), PythonRuns.dump(run[0]));
        TaskRecord failed = task(trace, "f(0)");
        assertEquals("failed", failed.status());
        assertEquals("ZeroDivisionError: integer division or modulo by zero", failed.error());
        String report = TextReport.render(CPythonTrace.of(run[0]));
        assertFalse(report.contains("yet)"), report);
        assertTrue(report.contains("(none delivered to the program)"), report);
        assertTrue(report.contains("    2  f(0)  failed     error: ZeroDivisionError: integer division or modulo by zero"), report);
        assertTrue(report.contains("(5 tasks finished ok, but the program never received their results)"), report);
    }

    @Test
    void aMapWhoseFunctionCannotBeSentSaysNoTaskRanAndWhy() throws Exception {
        Path program = PythonRuns.program(dir, "lambdafail.py", """
                from multiprocessing import Pool

                if __name__ == "__main__":
                    with Pool(2) as pool:
                        print(pool.map(lambda x: x * 2, [1, 2, 3]))
                """);
        CPythonRun[] run = new CPythonRun[1];
        RunTrace trace = runAndReadBack(program, run);
        assertEquals(1, run[0].exitCode(), PythonRuns.dump(run[0]));
        assertEquals(3, trace.tasks().size());
        for (TaskRecord t : trace.tasks()) {
            assertEquals("cancelled", t.status(), t::toString);
            assertTrue(t.error().startsWith("never ran: the Pool could not send it to a worker (PicklingError: "), t::toString);
        }
        String report = TextReport.render(CPythonTrace.of(run[0]));
        assertFalse(report.contains("yet)"), report);
        assertTrue(report.contains("(no task ran)"), report);
        assertTrue(report.contains("(none delivered to the program)"), report);
    }

    @Test
    void itemsLeftWhenAnImapRaisesSayTheyNeverRanAndWhy() throws Exception {
        Path program = PythonRuns.program(dir, "imapfail.py", """
                import time
                from multiprocessing import Pool

                def f(n):
                    if n == 0:
                        raise ValueError("item zero is bad")
                    time.sleep(0.2)
                    return n

                if __name__ == "__main__":
                    with Pool(2) as pool:
                        for r in pool.imap(f, [1, 0, 2, 3, 4, 5, 6, 7]):
                            print(r)
                """);
        CPythonRun[] run = new CPythonRun[1];
        RunTrace trace = runAndReadBack(program, run);
        assertEquals(1, run[0].exitCode(), PythonRuns.dump(run[0]));
        assertEquals("ValueError: item zero is bad", task(trace, "f(0)").error());
        // The program printed f(1)'s result: it ran to its end, whatever the worker's last batch said.
        assertEquals("ok", task(trace, "f(1)").status(), () -> task(trace, "f(1)").toString());
        assertEquals("never ran: f(0) had failed (ValueError: item zero is bad) and the Pool was terminated (the end of the"
                + " with-block) before its turn", task(trace, "f(7)").error());
        String report = TextReport.render(CPythonTrace.of(run[0]));
        assertFalse(report.contains("yet)"), report);
        assertTrue(report.contains("not delivered to the program)"), report);
        assertTrue(report.contains("cancelled  never ran: f(0) had failed (ValueError: item zero is bad)"), report);
    }
}

package dev.poolscope.cpython;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.engine.ExitKind;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.trace.RunTrace;
import dev.poolscope.trace.TextReport;
import dev.poolscope.trace.TraceJson;
import dev.poolscope.trace.WorkerRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Words that mislead (issue 19, defect 9): a daemon Process that multiprocessing itself
 * terminates when the main program ends (util._exit_function sends it SIGTERM) used to be
 * "crashed, signal 15". It is named for what happened, in the run's events (the window's
 * source), the trace and the report; a SIGTERM from anywhere else is still "killed by signal 15".
 * Real python3.
 */
class DaemonAtExitTest {
    @TempDir
    Path dir;

    private static WorkerRecord onlyChild(RunTrace trace) {
        List<WorkerRecord> children = trace.workers().stream().filter(w -> w.pid() >= 0).toList();
        assertEquals(1, children.size(), children::toString);
        return children.get(0);
    }

    @Test
    void aDaemonStillRunningWhenTheMainProgramEndsIsTerminatedByMultiprocessingNotCrashed() throws Exception {
        Path program = PythonRuns.program(dir, "daemon.py", """
                import time
                from multiprocessing import Process

                def forever():
                    while True:
                        time.sleep(0.05)

                if __name__ == "__main__":
                    p = Process(target=forever, daemon=True)
                    p.start()
                    time.sleep(0.3)
                    print("main ends, the daemon still runs")
                """);
        CPythonRun run = PythonRuns.run(program, CPythonOptions.defaults(), Duration.ofSeconds(60));
        assertEquals(0, run.exitCode(), PythonRuns.dump(run));
        RunEvent.WorkerExited exit = PythonRuns.all(run, RunEvent.WorkerExited.class).get(0);
        assertEquals(ExitKind.TERMINATED, exit.kind(), PythonRuns.dump(run));
        assertEquals(15, exit.signal());
        assertEquals(ExitWords.TERMINATED_AT_EXIT + ": SIGTERM", exit.detail());
        assertTrue(PythonRuns.all(run, RunEvent.ProcessMark.class).stream()
                .anyMatch(m -> m.text().equals("at exit, multiprocessing terminates daemon PID " + exit.pid() + ": SIGTERM")),
                PythonRuns.dump(run));

        // The trace, written and read back: the exit's kind and its reason.
        Path file = dir.resolve("daemon.json");
        TraceJson.write(CPythonTrace.of(run), file);
        WorkerRecord child = onlyChild(TraceJson.read(file));
        assertEquals("terminated", child.exit());
        assertEquals(ExitWords.TERMINATED_AT_EXIT + ": SIGTERM", child.detail());

        String report = TextReport.render(CPythonTrace.of(run)) + CPythonReport.render(run);
        assertTrue(report.contains("terminated by multiprocessing at exit (a daemon process still running when the main"
                + " program ended)"), report);
        assertTrue(report.contains("pid " + exit.pid() + ": terminated, signal 15 (" + ExitWords.TERMINATED_AT_EXIT), report);
        assertFalse(report.contains("crashed, signal"), report);
        assertFalse(report.contains("killed by signal"), report);
        assertTrue(report.contains(", daemon (line 10)"), report);
    }

    @Test
    void aProcessKilledBySigtermFromElsewhereIsStillKilledBySignal15() throws Exception {
        Path program = PythonRuns.program(dir, "killed.py", """
                import os, signal, time
                from multiprocessing import Process

                def forever():
                    while True:
                        time.sleep(0.05)

                if __name__ == "__main__":
                    plain = Process(target=forever)
                    daemon = Process(target=forever, daemon=True)
                    plain.start()
                    daemon.start()
                    time.sleep(0.3)
                    os.kill(plain.pid, signal.SIGTERM)  # not terminate(), not multiprocessing's exit
                    os.kill(daemon.pid, signal.SIGTERM)
                    plain.join()
                    daemon.join()
                    print(plain.exitcode, daemon.exitcode)
                """);
        CPythonRun run = PythonRuns.run(program, CPythonOptions.defaults(), Duration.ofSeconds(60));
        assertEquals(List.of("-15 -15"), PythonRuns.linesOf(run, run.mainPid()), PythonRuns.dump(run));
        List<RunEvent.WorkerExited> exits = PythonRuns.all(run, RunEvent.WorkerExited.class);
        assertEquals(2, exits.size(), PythonRuns.dump(run));
        for (RunEvent.WorkerExited exit : exits) {
            assertEquals(ExitKind.CRASHED, exit.kind(), exit::toString);
            assertEquals(15, exit.signal());
            assertEquals("killed by signal 15 (SIGTERM)", exit.detail());
        }
        String report = TextReport.render(CPythonTrace.of(run));
        assertFalse(report.contains("at exit"), report);
    }
}

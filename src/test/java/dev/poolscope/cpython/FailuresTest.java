package dev.poolscope.cpython;

import static dev.poolscope.cpython.PythonRuns.all;
import static dev.poolscope.cpython.PythonRuns.dump;
import static dev.poolscope.cpython.PythonRuns.linesOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.engine.ExitKind;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.trace.RunTrace;
import dev.poolscope.trace.TaskRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What CPython does when things go wrong is shown, and nothing of a run outlives it. */
class FailuresTest {
    @TempDir
    Path dir;

    /** Every process of the run is gone within two seconds. */
    static void assertNothingLeft(CPythonRun run) throws InterruptedException {
        List<Long> pids = new ArrayList<>(run.pids());
        pids.add(run.mainPid());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        List<Long> alive;
        do {
            alive = pids.stream().filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).toList();
            if (alive.isEmpty()) {
                return;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("still running after 2 s: " + alive);
    }

    @Test
    void aKilledWorkerDuringMapIsReplacedItsTaskLostAndMapWaitsUntilTheDeadline() throws Exception {
        Path program = PythonRuns.program(dir, "hang.py", """
                import time
                from multiprocessing import Pool

                def nap(seconds):
                    time.sleep(seconds)
                    return seconds

                if __name__ == "__main__":
                    with Pool(2) as pool:
                        print(pool.map(nap, [3, 0.2, 0.2, 0.2], chunksize=1))
                """);
        PythonRuns.python();
        CompletableFuture<RunEvent.TaskStarted> longTask = new CompletableFuture<>();
        List<String> names = new ArrayList<>();
        long began = System.nanoTime();
        CPythonRun run = new CPythonService().start(program, List.of(), CPythonOptions.defaults().withDeadlineMs(6000L), e -> {
            if (e instanceof RunEvent.TaskAdded a) {
                names.add(a.name());
            } else if (e instanceof RunEvent.TaskStarted s && names.get(s.index()).equals("nap(3)")) {
                longTask.complete(s);
            }
        });
        RunEvent.TaskStarted started = longTask.get(30, TimeUnit.SECONDS);
        assertTrue(run.killWorker(started.slot(), started.pid()));
        assertTrue(run.awaitDone(Duration.ofSeconds(30)));
        double seconds = (System.nanoTime() - began) / 1e9;

        RunTrace t = CPythonTrace.of(run);
        TaskRecord lost = t.tasks().get(started.index());
        assertEquals("crashed", lost.status());
        assertTrue(lost.error().startsWith("lost: PID " + started.pid()), lost::error);
        assertTrue(t.tasks().stream().filter(x -> x != lost).allMatch(x -> "ok".equals(x.status())), t.tasks()::toString);
        // CPython starts a new worker in the lane, and says nothing to map(): the picture does.
        assertTrue(t.workers().stream().anyMatch(w -> w.slot() == started.slot() && w.generation() == 1
                && w.pid() != started.pid()), t.workers()::toString);
        List<String> notices = all(run, RunEvent.RunNotice.class).stream().map(RunEvent.RunNotice::text).toList();
        assertTrue(notices.stream().anyMatch(n -> n.contains("nap(3)") && n.contains("waits for its result forever")),
                notices::toString);
        assertTrue(notices.stream().anyMatch(n -> n.startsWith("CPython started PID") && n.contains("nap(3)")), notices::toString);
        RunEvent.WorkerExited killed = all(run, RunEvent.WorkerExited.class).stream()
                .filter(x -> x.pid() == started.pid()).findFirst().orElseThrow();
        assertEquals(ExitKind.CRASHED, killed.kind());
        assertEquals(9, killed.signal());
        // map never returns: the deadline ends the run, and says so.
        assertTrue(run.deadlineHit());
        assertEquals(1, run.exitStatus());
        assertTrue(seconds >= 5.9, "ended at the deadline, not before: " + seconds);
        RunEvent.ProgramExited exit = all(run, RunEvent.ProgramExited.class).get(0);
        assertTrue(exit.detail().contains("deadline of 6000 ms"), exit::detail);
        assertTrue(linesOf(run, run.mainPid()).isEmpty(), "map never printed its result");
        assertNothingLeft(run);
    }

    @Test
    void stopEndsTheMainProcessAndEveryChildAtOnce() throws Exception {
        Path program = PythonRuns.program(dir, "forever.py", """
                import multiprocessing, time

                def spin():
                    while True:
                        pass

                def nap(s):
                    time.sleep(s)

                if __name__ == "__main__":
                    p = multiprocessing.Process(target=spin)
                    p.start()
                    with multiprocessing.Pool(2) as pool:
                        pool.map(nap, [60, 60])
                    p.join()
                """);
        PythonRuns.python();
        CompletableFuture<Void> busy = new CompletableFuture<>();
        int[] started = {0};
        CPythonRun run = new CPythonService().start(program, List.of(), CPythonOptions.defaults(), e -> {
            if (e instanceof RunEvent.TaskStarted && ++started[0] == 3) {
                busy.complete(null);
            }
        });
        busy.get(30, TimeUnit.SECONDS);
        long stopAt = System.nanoTime();
        run.stop();
        assertTrue(run.awaitDone(Duration.ofSeconds(10)));
        assertTrue((System.nanoTime() - stopAt) / 1e9 < 5, "stop is quick");
        assertNothingLeft(run);
        RunTrace t = CPythonTrace.of(run);
        assertTrue(t.stopped());
        assertEquals(3, t.tasks().size());
        assertTrue(t.tasks().stream().allMatch(x -> "cancelled".equals(x.status())), t.tasks()::toString);
        assertTrue(t.workers().stream().allMatch(w -> "terminated".equals(w.exit())), t.workers()::toString);
        assertEquals(1, run.exitStatus());
    }

    @Test
    void anUncaughtExceptionShowsItsTracebackAndExitCodeOne() throws Exception {
        Path program = PythonRuns.program(dir, "boom.py", """
                def main():
                    raise ValueError("boom")

                main()
                """);
        CPythonRun run = PythonRuns.run(program, CPythonOptions.defaults(), Duration.ofSeconds(30));
        assertEquals(1, run.exitStatus());
        List<String> lines = linesOf(run, run.mainPid());
        assertEquals("Traceback (most recent call last):", lines.get(0), lines::toString);
        assertTrue(lines.stream().anyMatch(l -> l.contains("in main")), lines::toString);
        assertEquals("ValueError: boom", lines.get(lines.size() - 1));
        assertEquals(1, all(run, RunEvent.ProgramExited.class).get(0).exitCode());
    }

    @Test
    void sysExitThreeIsTheRunsExitCode() throws Exception {
        Path program = PythonRuns.program(dir, "three.py", "import sys\nprint('leaving')\nsys.exit(3)\n");
        CPythonRun run = PythonRuns.run(program, CPythonOptions.defaults(), Duration.ofSeconds(30));
        assertEquals(3, run.exitStatus());
        assertEquals(List.of("leaving"), linesOf(run, run.mainPid()));
    }

    @Test
    void aSyntaxErrorIsShownWithItsLine() throws Exception {
        Path program = PythonRuns.program(dir, "broken.py", "print('never'\n");
        CPythonRun run = PythonRuns.run(program, CPythonOptions.defaults(), Duration.ofSeconds(30));
        assertEquals(1, run.exitStatus());
        List<String> lines = linesOf(run, run.mainPid());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("SyntaxError")), lines::toString);
        assertTrue(lines.stream().anyMatch(l -> l.contains("broken.py")), lines::toString);
    }

    @Test
    void aChildThatDiesAtOnceIsACrashWithItsExitCode() throws Exception {
        Path program = PythonRuns.program(dir, "crash.py", """
                import multiprocessing, os

                def die():
                    os._exit(7)

                if __name__ == "__main__":
                    p = multiprocessing.Process(target=die)
                    p.start()
                    p.join()
                    print("exitcode", p.exitcode)
                """);
        CPythonRun run = PythonRuns.run(program, CPythonOptions.defaults(), Duration.ofSeconds(30));
        assertEquals(0, run.exitStatus(), () -> dump(run));
        assertEquals(List.of("exitcode 7"), linesOf(run, run.mainPid()));
        RunEvent.WorkerExited exit = all(run, RunEvent.WorkerExited.class).get(0);
        assertEquals(ExitKind.CRASHED, exit.kind());
        assertEquals(7, exit.exitCode());
        TaskRecord task = CPythonTrace.of(run).tasks().get(0);
        assertEquals("die()", task.name());
        assertEquals("crashed", task.status());
    }

    @Test
    void theProgramsStdinIsClosed() throws Exception {
        Path program = PythonRuns.program(dir, "stdin.py", "import sys\nprint(repr(sys.stdin.read()))\n");
        CPythonRun run = PythonRuns.run(program, CPythonOptions.defaults(), Duration.ofSeconds(30));
        assertEquals(List.of("''"), linesOf(run, run.mainPid()));
    }

    @Test
    void aMissingOrOldPythonGetsOneClearSentence() throws Exception {
        PythonUnavailableException missing = assertThrows(PythonUnavailableException.class,
                () -> PythonInterpreter.find(dir.resolve("no-such-python")));
        assertTrue(missing.getMessage().contains("does not exist"), missing::getMessage);
        assertFalse(missing.getMessage().contains("\n"));
        Path old = dir.resolve("python3");
        Files.writeString(old, "#!/bin/sh\necho 3.7.16\necho /usr/bin/python3.7\n");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rwx------"));
        PythonUnavailableException tooOld = assertThrows(PythonUnavailableException.class, () -> PythonInterpreter.find(old));
        assertEquals("PoolScope needs Python 3.8 or newer to run Python programs; " + old + " is Python 3.7.16.",
                tooOld.getMessage());
        assertThrows(PythonUnavailableException.class, () -> new CPythonService().start(
                PythonRuns.program(dir, "x.py", "print(1)\n"), List.of(), CPythonOptions.defaults().withPythonExe(old), null));
    }
}

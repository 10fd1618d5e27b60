package dev.poolscope.cpython;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.engine.Lane;
import dev.poolscope.engine.RunEvent;
import dev.poolscope.trace.RunTrace;
import dev.poolscope.trace.TaskRecord;
import dev.poolscope.trace.WorkerRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thread pools and ProcessPoolExecutor on real python3: ThreadPool and ThreadPoolExecutor tasks
 * as bars on lanes that are threads of the main process; an executor whose worker is killed
 * fails its pending calls with BrokenProcessPool, drawn as never run, and the program goes on.
 */
class ThreadLanesTest {
    @TempDir
    Path dir;

    @Test
    void threadPoolAndThreadPoolExecutorTasksAreOnThreadLanesOfTheMainProcess() throws Exception {
        CPythonRun run = PythonRuns.run(PythonRuns.lesson("threads_pools.py"), CPythonOptions.defaults(),
                Duration.ofSeconds(90));
        RunTrace t = CPythonTrace.of(run);
        assertEquals(0, run.exitStatus(), PythonRuns.dump(run));
        assertEquals(12, t.tasks().size(), "six calls on each pool: " + t.tasks());
        Map<Integer, WorkerRecord> lanes = t.workers().stream().collect(Collectors.toMap(WorkerRecord::slot, w -> w));
        assertEquals(6, lanes.size(), "three worker threads for each pool: " + t.workers());
        Set<Long> tids = new HashSet<>();
        for (WorkerRecord w : lanes.values()) {
            assertEquals(Lane.Kind.THREAD, w.lane().kind(), w.toString());
            assertEquals(run.mainPid(), w.pid(), "a thread of the main process: " + w);
            tids.add(w.lane().tid());
        }
        assertEquals(6, tids.size(), "six TIDs: " + tids);
        for (int i = 0; i < 12; i++) {
            TaskRecord r = t.tasks().get(i);
            assertEquals("fetch(" + (i + 1) + ")", r.name(), "numbered as submitted: " + t.tasks());
            assertEquals("ok", r.status(), r.toString());
            assertEquals(run.mainPid(), r.pid(), r.toString());
            String pool = lanes.get(r.slot()).lane().name();
            // ThreadPool's threads are "Thread-N (worker)"; the executor's "ThreadPoolExecutor-0_N".
            assertTrue(i < 6 ? pool.endsWith("(worker)") : pool.startsWith("ThreadPoolExecutor-"), i + " ran on " + pool);
        }
    }

    @Test
    void aKilledProcessPoolExecutorWorkerFailsThePendingCallsWithBrokenProcessPool() throws Exception {
        Path program = PythonRuns.program(dir, "broken.py", """
                import os, signal, sys, time
                from concurrent.futures import ProcessPoolExecutor
                from concurrent.futures.process import BrokenProcessPool

                def square(n):
                    return n * n

                def work(n):
                    time.sleep(0.3)
                    if n == 3:
                        os.kill(os.getpid(), signal.SIGKILL)
                    return n

                if __name__ == "__main__":
                    with ProcessPoolExecutor(max_workers=2) as ex:
                        print(list(ex.map(square, range(4), chunksize=2)))
                        futures = [ex.submit(work, n) for n in range(1, 9)]
                        broken = 0
                        for f in futures:
                            try:
                                f.result()
                            except BrokenProcessPool:
                                broken += 1
                    print("broken", broken)
                    sys.exit(3)
                """);
        CPythonRun run = PythonRuns.run(program, CPythonOptions.defaults(), Duration.ofSeconds(90));
        RunTrace t = CPythonTrace.of(run);
        String dump = PythonRuns.dump(run);
        assertEquals(3, run.exitCode(), "the program's own exit: " + dump);
        assertEquals(12, t.tasks().size(), "four map items and eight submits: " + t.tasks());
        for (int i = 0; i < 4; i++) {
            TaskRecord r = t.tasks().get(i);
            assertEquals("square(" + i + ")", r.name(), "map's items, each a bar: " + t.tasks());
            assertEquals("ok", r.status(), r.toString());
            assertEquals(String.valueOf(i * i), r.result(), r.toString());
        }
        TaskRecord killed = t.tasks().get(4 + 2);
        assertEquals("work(3)", killed.name(), t.tasks().toString());
        assertEquals("crashed", killed.status(), killed.toString());
        assertTrue(killed.error().contains("SIGKILL"), killed.error());
        List<TaskRecord> neverRan = t.tasks().stream().filter(r -> r.startMs() == null).toList();
        assertTrue(neverRan.size() >= 2, "calls still queued when the pool broke: " + t.tasks());
        for (TaskRecord r : neverRan) {
            assertEquals("cancelled", r.status(), r.toString());
            assertTrue(r.error().startsWith("never ran: BrokenProcessPool"), r.error());
            assertNull(r.endMs(), "no bar: " + r);
        }
        for (TaskRecord r : t.tasks()) {
            assertTrue(r.status() != null, "every call has its end: " + r);
        }
        // The program was told: the killed call and every one not run raised BrokenProcessPool.
        List<String> lines = PythonRuns.linesOf(run, run.mainPid());
        int told = lines.stream().filter(l -> l.startsWith("broken ")).mapToInt(l -> Integer.parseInt(l.substring(7)))
                .findFirst().orElse(-1);
        assertTrue(told >= neverRan.size() + 1, "the program's count: " + lines);
        assertTrue(PythonRuns.all(run, RunEvent.RunNotice.class).stream()
                .anyMatch(n -> n.text().contains("BrokenProcessPool")), "the executor's answer, told: " + dump);
        assertTrue(PythonRuns.all(run, RunEvent.RunNotice.class).stream()
                .noneMatch(n -> n.text().contains("waits for its result forever")), "not Pool's silent hang: " + dump);
        // The workers: pool lanes, the killed one crashed; nothing of the program is left running.
        for (WorkerRecord w : t.workers()) {
            assertEquals(Lane.Kind.PROCESS, w.lane().kind(), w.toString());
        }
        assertTrue(t.workers().stream().anyMatch(w -> "crashed".equals(w.exit()) && Integer.valueOf(9).equals(w.signal())),
                t.workers().toString());
        Set<Long> pids = new HashSet<>(run.pids());
        pids.add(run.mainPid());
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (pids.stream().anyMatch(PythonRuns::running) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(pids.stream().noneMatch(PythonRuns::running), "Python processes left: " + pids);
    }

    @Test
    void maxTasksPerChildRecyclesAnExecutorWorkerAsANewPidInItsLane() throws Exception {
        PythonInterpreter python = PythonRuns.python();
        org.junit.jupiter.api.Assumptions.assumeTrue(python.minor() >= 11, "max_tasks_per_child needs Python 3.11+");
        Path program = PythonRuns.program(dir, "recycle.py", """
                import multiprocessing, os
                from concurrent.futures import ProcessPoolExecutor

                def pid(n):
                    return os.getpid()

                if __name__ == "__main__":
                    spawn = multiprocessing.get_context("spawn")
                    # One worker with max_tasks_per_child hangs in CPython 3.11-3.13 itself: two.
                    with ProcessPoolExecutor(2, mp_context=spawn, max_tasks_per_child=1) as ex:
                        print(sorted(set(ex.map(pid, range(4)))))
                """);
        CPythonRun run = PythonRuns.run(program, CPythonOptions.defaults(), Duration.ofSeconds(90));
        RunTrace t = CPythonTrace.of(run);
        assertEquals(0, run.exitCode(), PythonRuns.dump(run));
        assertEquals(4, t.tasks().size(), t.tasks().toString());
        assertTrue(t.tasks().stream().allMatch(r -> "ok".equals(r.status())), t.tasks().toString());
        // Each process runs one call and retires; its successor takes its lane with a new PID.
        assertEquals(4, t.tasks().stream().map(TaskRecord::pid).distinct().count(), t.tasks().toString());
        assertEquals(2, t.workers().stream().map(WorkerRecord::slot).distinct().count(), "two lanes: " + t.workers());
        WorkerRecord first = t.workers().stream().filter(w -> w.generation() == 0).findFirst().orElseThrow();
        assertEquals("recycled", first.exit(), first.toString());
        assertTrue(first.detail().contains("max_tasks_per_child=1"), first.detail());
        assertTrue(t.workers().stream().anyMatch(w -> w.generation() > 0), "a new PID in a lane: " + t.workers());
    }

    @Test
    void aLineAThreadPrintsIsOnItsLaneWithItsTask() throws Exception {
        Path program = PythonRuns.program(dir, "say.py", """
                import threading

                def say(word):
                    print("said " + word)

                ts = [threading.Thread(target=say, args=(w,)) for w in ("one", "two")]
                for t in ts:
                    t.start()
                for t in ts:
                    t.join()
                print("main done")
                """);
        CPythonRun run = PythonRuns.run(program, CPythonOptions.defaults(), Duration.ofSeconds(60));
        RunTrace t = CPythonTrace.of(run);
        for (String word : new String[] {"one", "two"}) {
            TaskRecord task = t.tasks().stream().filter(r -> r.name().equals("say('" + word + "')")).findFirst()
                    .orElseThrow(() -> new AssertionError(t.tasks().toString()));
            RunEvent.OutputLine line = PythonRuns.all(run, RunEvent.OutputLine.class).stream()
                    .filter(o -> o.text().equals("said " + word)).findFirst().orElseThrow();
            assertEquals(task.index(), line.index(), "the thread's task: " + line);
            assertEquals(task.slot(), line.slot(), "the thread's lane: " + line);
        }
        RunEvent.OutputLine main = PythonRuns.all(run, RunEvent.OutputLine.class).stream()
                .filter(o -> o.text().equals("main done")).findFirst().orElseThrow();
        assertEquals(-1, main.slot(), "the main thread's line is the main lane's");
    }

}

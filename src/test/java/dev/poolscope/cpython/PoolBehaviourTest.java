package dev.poolscope.cpython;

import static dev.poolscope.cpython.PythonRuns.dump;
import static dev.poolscope.cpython.PythonRuns.linesOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.engine.RunEvent;
import dev.poolscope.trace.RunTrace;
import dev.poolscope.trace.TaskRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What CPython's Pool does, as the trace shows it: completion order, recycling, the call kinds, a failing task. */
class PoolBehaviourTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private CPythonRun run(String code, int expectedExit) throws Exception {
        CPythonRun run = PythonRuns.run(PythonRuns.program(dir, "program.py", code), CPythonOptions.defaults(), LIMIT);
        assertEquals(expectedExit, run.exitStatus(), () -> dump(run));
        return run;
    }

    private static List<String> deliveredNames(RunTrace t) {
        return t.deliveryOrder().stream().map(i -> t.tasks().get(i).name()).collect(Collectors.toList());
    }

    @Test
    void imapUnorderedDeliversInCompletionOrder() throws Exception {
        CPythonRun run = run("""
                import time
                from multiprocessing import Pool

                def nap(s):
                    time.sleep(s)
                    return s

                if __name__ == "__main__":
                    with Pool(3) as pool:
                        for s in pool.imap_unordered(nap, [0.9, 0.1, 0.5]):
                            print(s)
                """, 0);
        RunTrace t = CPythonTrace.of(run);
        assertEquals(List.of("nap(0.1)", "nap(0.5)", "nap(0.9)"), deliveredNames(t));
        List<String> byEnd = t.tasks().stream().sorted(Comparator.comparing(TaskRecord::endMs)).map(TaskRecord::name)
                .collect(Collectors.toList());
        assertEquals(byEnd, deliveredNames(t));
        assertEquals(List.of("0.1", "0.5", "0.9"), linesOf(run, run.mainPid()));
    }

    @Test
    void imapDeliversInInputOrderAsTheyBecomeAvailable() throws Exception {
        CPythonRun run = run("""
                import time
                from multiprocessing import Pool

                def nap(s):
                    time.sleep(s)
                    return s

                if __name__ == "__main__":
                    with Pool(3) as pool:
                        for s in pool.imap(nap, [0.6, 0.1, 0.3]):
                            print(s)
                """, 0);
        RunTrace t = CPythonTrace.of(run);
        assertEquals(List.of("nap(0.6)", "nap(0.1)", "nap(0.3)"), deliveredNames(t));
    }

    @Test
    void maxTasksPerChildRecyclesWorkersAsNewPidsInTheSameLanes() throws Exception {
        CPythonRun run = run("""
                import os, time
                from multiprocessing import Pool

                def where(n):
                    time.sleep(0.3)  # long enough that both first workers get a task
                    return os.getpid()

                if __name__ == "__main__":
                    with Pool(2, maxtasksperchild=1) as pool:
                        print(pool.map(where, range(4), chunksize=1))
                """, 0);
        RunTrace t = CPythonTrace.of(run);
        assertEquals(2, t.slots(), () -> t.workers().toString());
        List<Long> taskPids = t.tasks().stream().map(TaskRecord::pid).distinct().collect(Collectors.toList());
        assertEquals(4, taskPids.size(), "one task per process");
        for (TaskRecord task : t.tasks()) {
            assertEquals(String.valueOf(task.pid()), task.result());
        }
        Map<Integer, Long> perLane = t.workers().stream().collect(Collectors.groupingBy(w -> w.slot(), Collectors.counting()));
        assertTrue(perLane.values().stream().allMatch(n -> n >= 2), perLane::toString);
        assertTrue(t.workers().stream().filter(w -> w.generation() == 0).allMatch(w -> "recycled".equals(w.exit())),
                t.workers()::toString);
    }

    @Test
    void starmapApplyAndApplyAsyncItemsAreNamedAsCalls() throws Exception {
        CPythonRun run = run("""
                from multiprocessing import Pool

                def add(a, b):
                    return a + b

                if __name__ == "__main__":
                    with Pool(2) as pool:
                        print(pool.starmap(add, [(1, 2), (3, 4)]))
                        print(pool.apply(add, (5, 6)))
                        print(pool.apply_async(add, (7,), {"b": 8}).get())
                """, 0);
        RunTrace t = CPythonTrace.of(run);
        Map<String, String> results = t.tasks().stream().collect(Collectors.toMap(TaskRecord::name, TaskRecord::result));
        assertEquals(Map.of("add(1, 2)", "3", "add(3, 4)", "7", "add(5, 6)", "11", "add(7, b=8)", "15"), results);
        assertEquals(4, t.deliveryOrder().size());
        assertEquals(List.of("[3, 7]", "11", "15"), linesOf(run, run.mainPid()));
    }

    @Test
    void aFailingTaskIsMarkedAndMapRaisesInTheMainProcess() throws Exception {
        CPythonRun run = run("""
                from multiprocessing import Pool

                def inverse(x):
                    return 1 / x

                if __name__ == "__main__":
                    with Pool(2) as pool:
                        print(pool.map(inverse, [1, 0, 4], chunksize=1))
                """, 1);
        RunTrace t = CPythonTrace.of(run);
        TaskRecord zero = t.tasks().stream().filter(x -> x.name().equals("inverse(0)")).findFirst().orElseThrow();
        assertEquals("failed", zero.status());
        assertEquals("ZeroDivisionError: division by zero", zero.error());
        List<String> main = linesOf(run, run.mainPid());
        assertTrue(main.contains("Traceback (most recent call last):"), main::toString);
        assertTrue(main.get(main.size() - 1).startsWith("ZeroDivisionError"), main::toString);
    }

    @Test
    void tasksAreNumberedInInputOrderAsTheyAreQueuedAndTheOnesThatNeverRanAreCancelled() throws Exception {
        CPythonRun run = run("""
                import time
                from multiprocessing import Pool

                def nap(n):
                    time.sleep(0.05)
                    if n == 3:
                        raise ValueError("three")
                    return n

                if __name__ == "__main__":
                    with Pool(1) as pool:
                        for n in pool.imap(nap, range(40), chunksize=2):
                            print(n)
                """, 1);
        RunTrace t = CPythonTrace.of(run);
        assertEquals(40, t.tasks().size());
        for (int i = 0; i < 40; i++) {
            assertEquals("nap(" + i + ")", t.tasks().get(i).name());
        }
        // Every task is known (queued) before the second chunk starts.
        List<RunEvent> events = run.events();
        int lastAdded = -1;
        int secondChunkStarts = -1;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof RunEvent.TaskAdded a && a.index() == 39) {
                lastAdded = i;
            } else if (events.get(i) instanceof RunEvent.TaskStarted s && s.index() == 2) {
                secondChunkStarts = i;
            }
        }
        assertTrue(lastAdded >= 0 && lastAdded < secondChunkStarts, () -> dump(run));
        assertEquals("failed", t.tasks().get(3).status());
        // imap raised at nap(3): the with-block terminated the pool, and later tasks never ran.
        assertEquals("cancelled", t.tasks().get(39).status());
        assertEquals("never ran: nap(3) had failed (ValueError: three) and the Pool was terminated (the end of the with-block)"
                + " before its turn", t.tasks().get(39).error());
        // The chunk [2, 3] fails as one unit: the caller gets 0 and 1, then the exception.
        assertEquals(List.of("0", "1"), linesOf(run, run.mainPid()).subList(0, 2));
        assertTrue(linesOf(run, run.mainPid()).get(2).contains("RemoteTraceback"));
    }
}

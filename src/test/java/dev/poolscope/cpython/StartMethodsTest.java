package dev.poolscope.cpython;

import static dev.poolscope.cpython.PythonRuns.dump;
import static dev.poolscope.cpython.PythonRuns.linesOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolscope.engine.RunEvent;
import dev.poolscope.trace.RunTrace;
import dev.poolscope.trace.TaskRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tracer follows children however multiprocessing starts them: fork, spawn (a fresh
 * interpreter) and forkserver (forked by a server process, not by the program). And it works on
 * every CPython from 3.8 to 3.13 where one is installed.
 */
class StartMethodsTest {
    private static final String PROGRAM = """
            import multiprocessing, os, sys

            def square(n):
                print("square", n, "in", os.getpid())
                return n * n

            def hello(name):
                print("hello from", name, os.getpid())

            if __name__ == "__main__":
                print("method", multiprocessing.get_start_method())
                p = multiprocessing.Process(target=hello, args=("child",))
                p.start()
                p.join()
                with multiprocessing.Pool(2) as pool:
                    print(pool.map(square, [1, 2, 3, 4], chunksize=2))
            """;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"fork", "spawn", "forkserver"})
    void everyStartMethodIsFollowed(String method) throws Exception {
        Path program = PythonRuns.program(dir, "methods.py", PROGRAM);
        CPythonRun run = PythonRuns.run(program, CPythonOptions.defaults().withStartMethod(method), Duration.ofSeconds(60));
        assertEquals(0, run.exitStatus(), () -> dump(run));
        List<String> main = linesOf(run, run.mainPid());
        assertEquals("method " + method, main.get(0));
        assertEquals("[1, 4, 9, 16]", main.get(main.size() - 1));
        checkTrace(run);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.8.18", "3.9.18", "3.10.13", "3.11.7", "3.12.1", "3.13.0"})
    void everyPythonFrom38To313(String version) throws Exception {
        Path exe = Path.of(System.getProperty("user.home"), ".pyenv", "versions", version, "bin", "python3");
        Assumptions.assumeTrue(Files.isExecutable(exe), "Python " + version + " is not installed at " + exe);
        Path program = PythonRuns.program(dir, "versions.py", PROGRAM);
        CPythonRun run = PythonRuns.run(program, CPythonOptions.defaults().withPythonExe(exe).withStartMethod("spawn"),
                Duration.ofSeconds(60));
        assertEquals(0, run.exitStatus(), () -> dump(run));
        assertTrue(run.interpreter().version().equals(version), run.interpreter()::describe);
        checkTrace(run);
    }

    private static void checkTrace(CPythonRun run) {
        RunTrace t = CPythonTrace.of(run);
        List<String> names = t.tasks().stream().map(TaskRecord::name).sorted().collect(Collectors.toList());
        assertEquals(List.of("hello('child')", "square(1)", "square(2)", "square(3)", "square(4)"), names, () -> dump(run));
        for (TaskRecord task : t.tasks()) {
            assertEquals("ok", task.status(), task::toString);
            assertTrue(run.pids().contains(task.pid()));
            assertTrue(task.output().get(0).endsWith(" " + task.pid()), task::toString);
        }
        // map with chunksize 2: the items of one chunk run on one worker, one after the other.
        TaskRecord one = find(t, "square(1)");
        TaskRecord two = find(t, "square(2)");
        assertEquals(one.chunk(), two.chunk());
        assertEquals(one.pid(), two.pid());
        assertTrue(two.startMs() >= one.endMs());
        // Every child process: spawned, ended; the pool's two lanes plus the Process's one.
        assertEquals(3, t.workers().size(), t.workers()::toString);
        assertTrue(t.workers().stream().allMatch(w -> w.exitMs() != null));
        assertTrue(run.events().get(run.events().size() - 1) instanceof RunEvent.RunFinished);
    }

    private static TaskRecord find(RunTrace t, String name) {
        return t.tasks().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
    }
}
